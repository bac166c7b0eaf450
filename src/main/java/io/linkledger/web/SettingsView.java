package io.linkledger.web;

import java.util.List;

import io.linkledger.brands.ApiKey;
import io.linkledger.brands.User;

/** The settings page; forms carry what was typed and the errors next to their fields. */
public record SettingsView(List<User> users, List<ApiKey> keys, Form addUser, Form addKey, String userError,
        String notice) {
}
