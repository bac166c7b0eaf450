package io.linkledger.tracking;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other features may ask about clicks. */
@Service
public class Clicks {

    private final ClickRepository repository;

    Clicks(ClickRepository repository) {
        this.repository = repository;
    }

    /** The click a network's postback refers to by the transaction id we gave it. */
    public Optional<Click> findByTransactionId(String transactionId) {
        return repository.findByTransactionId(transactionId);
    }
}
