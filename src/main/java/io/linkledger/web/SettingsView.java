package io.linkledger.web;

import java.util.List;

import io.linkledger.brands.ApiKey;
import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.User;

/**
 * The settings page; forms carry what was typed and the errors next to their fields. {@code brand}
 * is what is saved (its logo is shown), {@code brandForm} what the Brand form shows.
 */
public record SettingsView(BrandSettings brand, Form brandForm, List<Choice> zones, List<Choice> payoutMethods,
        List<User> users, List<ApiKey> keys, Form addUser, Form addKey, String userError, String notice) {
}
