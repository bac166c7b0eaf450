package io.linkledger.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * PostgreSQL's LISTEN/NOTIFY: notices go out with {@code pg_notify} on a pooled connection of its
 * own (the caller's transaction has committed, and its connection may still be bound to the
 * thread), and arrive on one dedicated connection outside the pool, held by a daemon thread that
 * reconnects when the connection breaks and then reports the gap as {@link Receiver#missed()}.
 * Every database user of the same database hears the channel, so several Linkledger databases must
 * not share one PostgreSQL database (they do not: each has its own tables).
 */
class PostgresInvalidationChannel implements InvalidationChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PostgresInvalidationChannel.class);
    static final String CHANNEL = "linkledger_invalidations";
    static final String APPLICATION_NAME = "linkledger-invalidations";

    private final DataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final Duration reconnectDelay;
    private volatile boolean open = true;
    private volatile Connection listening;
    private Thread listener;

    PostgresInvalidationChannel(DataSource pool, String url, String user, String password, Duration reconnectDelay) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public void send(String notice) {
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, notice);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_notify failed", e);
        }
    }

    @Override
    public void open(Receiver receiver) {
        CountDownLatch listens = new CountDownLatch(1);
        listener = Thread.ofPlatform().daemon().name("invalidations-listener").start(() -> listen(receiver, listens));
        try {
            // Changes made once the node serves requests must reach it: wait for the first LISTEN.
            if (!listens.await(30, TimeUnit.SECONDS)) {
                log.warn("Not yet listening for invalidations; caches rely on expiry until it does");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen(Receiver receiver, CountDownLatch listens) {
        boolean reconnected = false;
        while (open) {
            try (Connection connection = DriverManager.getConnection(url, listenerProperties())) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listens.countDown();
                if (reconnected) {
                    receiver.missed();
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (open) {
                    // Blocks until a notice comes or the timeout passes; a broken connection throws.
                    PGNotification[] received = notifications.getNotifications(10_000);
                    if (received != null) {
                        for (PGNotification notice : received) {
                            receiver.received(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    log.warn("Invalidation listener lost its connection, reconnecting in {}: {}", reconnectDelay,
                            e.getMessage());
                    reconnected = true;
                    pause();
                }
            }
        }
    }

    /** The database user's, and a name that shows the connection for what it is in pg_stat_activity. */
    private Properties listenerProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        open = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the listening connection: {}", e.getMessage());
            }
        }
        if (listener != null) {
            listener.interrupt();
            listener.join(Duration.ofSeconds(5));
        }
    }
}
