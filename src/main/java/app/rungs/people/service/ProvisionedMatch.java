package app.rungs.people.service;

/** The one-attribute equality filters identity providers send ({@code userName eq "..."} and the like). */
public record ProvisionedMatch(Attribute attribute, String value) {

    public enum Attribute {
        ID,
        USER_NAME,
        EXTERNAL_ID,
        EMAIL
    }
}
