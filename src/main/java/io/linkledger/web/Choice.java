package io.linkledger.web;

/** An option of a select: its value, its label, and whether it is the chosen one. */
public record Choice(String value, String label, boolean selected) {
}
