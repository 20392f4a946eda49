package app.rungs.shared.live;

/**
 * A live subscription, ended with {@link #remove()}. Services hand this out instead of Vaadin's {@code Registration}
 * so that they stay free of the UI framework; a view adapts it with {@code subscription::remove}.
 */
@FunctionalInterface
public interface Subscription {

    void remove();
}
