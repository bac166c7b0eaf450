package io.linkledger.audit;

/** What kind of caller made a change: a console user, an API key, or the application itself. */
public enum ActorType {
    USER, API_KEY, SYSTEM
}
