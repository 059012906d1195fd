package app.previsit.store;

/** A stored value with the version it was written at; versions start at 1. */
public record Versioned(long version, String value) {}
