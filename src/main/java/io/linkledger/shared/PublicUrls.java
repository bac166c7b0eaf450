package io.linkledger.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute URLs handed to members and networks, built on {@code linkledger.base-url}. */
@Component
public class PublicUrls {

    private final String baseUrl;

    public PublicUrls(@Value("${linkledger.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String trackingLink(String linkCode) {
        return baseUrl + "/r/" + linkCode;
    }

    public String dashboardLink(String dashboardToken) {
        return baseUrl + "/d/" + dashboardToken;
    }

    public String absolute(String path) {
        return baseUrl + path;
    }
}
