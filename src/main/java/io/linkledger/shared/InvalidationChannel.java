package io.linkledger.shared;

/** Carries invalidation notices between nodes; {@link InvalidationBus} is its only user. */
interface InvalidationChannel {

    /** Sends a notice to every node (this one may receive it back). */
    void send(String notice);

    /** Starts delivering the notices of every node to {@code receiver}, returning once it listens. */
    void open(Receiver receiver);

    interface Receiver {

        void received(String notice);

        /** Notices may have been lost (the channel was reconnected). */
        void missed();
    }

    /** One node: nothing to carry beyond this process. */
    InvalidationChannel NONE = new InvalidationChannel() {
        @Override
        public void send(String notice) {
        }

        @Override
        public void open(Receiver receiver) {
        }
    };
}
