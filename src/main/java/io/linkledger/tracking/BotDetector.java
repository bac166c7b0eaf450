package io.linkledger.tracking;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recognises crawlers, link-preview fetchers, scripted clients and headless browsers by user
 * agent. They still get their redirect (a preview must show the right page) but their clicks
 * are flagged and counted apart from people's.
 */
@Component
class BotDetector {

    /** Lower-case fragments; a user agent containing any of them is a bot. */
    private static final List<String> FRAGMENTS = List.of(
            "bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebookcatalog", "meta-externalagent",
            "twitterbot", "slackbot", "slack-imgproxy", "discordbot", "linkedinbot", "whatsapp", "telegrambot",
            "skypeuripreview", "pinterest", "redditbot", "embedly", "quora link preview", "vkshare", "googlebot",
            "adsbot-google", "mediapartners-google", "google-inspectiontool", "bingbot", "bingpreview", "yandex",
            "baiduspider", "duckduckbot", "applebot", "petalbot", "semrush", "ahrefs", "mj12bot",
            "headlesschrome", "phantomjs", "puppeteer", "playwright", "selenium", "lighthouse", "pingdom",
            "uptimerobot", "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "httpx",
            "go-http-client", "java/", "okhttp", "apache-httpclient", "libwww-perl", "node-fetch", "axios/",
            "java-http-client", "postmanruntime", "insomnia", "scrapy", "preview");

    /**
     * Real traffic repeats a few thousand user agents, so each is matched against the list once.
     * Only ordinary lengths are remembered: made-up giant ones must not fill the memory.
     */
    private static final int CACHED_LENGTH = 512;
    private final Cache<String, Boolean> known = Caffeine.newBuilder().maximumSize(20_000)
            .executor(Runnable::run) // upkeep on the caller: cheaper than waking a pool thread per click
            .build();

    boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            // Every browser sends a user agent; only scripts leave it out.
            return true;
        }
        return userAgent.length() <= CACHED_LENGTH ? known.get(userAgent, BotDetector::matches) : matches(userAgent);
    }

    private static boolean matches(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String fragment : FRAGMENTS) {
            if (ua.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
