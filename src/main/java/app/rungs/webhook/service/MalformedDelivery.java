package app.rungs.webhook.service;

/** The body is not the JSON the provider documents; the message says what is missing or wrong. */
class MalformedDelivery extends RuntimeException {

    MalformedDelivery(String message) {
        super(message);
    }
}
