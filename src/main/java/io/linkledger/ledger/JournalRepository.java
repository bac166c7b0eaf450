package io.linkledger.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class JournalRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JournalRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<UUID> findAccount(UUID brandId, Currency currency, AccountKind kind, UUID memberId) {
        return jdbc.sql("""
                select id from ledger_accounts
                where brand_id = ? and currency = ? and kind = ? and owner_key = ?""")
                .params(brandId, currency.getCurrencyCode(), kind.name(), ownerKey(memberId))
                .query(UUID.class)
                .optional();
    }

    /** Creates the account unless a concurrent transaction just did. */
    void insertAccount(UUID id, UUID brandId, Currency currency, AccountKind kind, UUID memberId, Instant now) {
        jdbc.sql("""
                insert into ledger_accounts (id, brand_id, currency, kind, member_id, owner_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(id, brandId, currency.getCurrencyCode(), kind.name(), memberId, ownerKey(memberId),
                        Sql.ts(now))
                .update();
    }

    /** Holds the account's row lock until the transaction ends: payments of one balance queue here. */
    void lock(UUID accountId) {
        jdbc.sql("select id from ledger_accounts where id = ? for update").param(accountId).query(UUID.class).single();
    }

    long balance(UUID accountId) {
        return sum(jdbc.sql("select sum(amount_minor) from ledger_lines where account_id = ?")
                .param(accountId));
    }

    long balance(UUID brandId, Currency currency, AccountKind kind) {
        return sum(jdbc.sql("""
                select sum(l.amount_minor)
                from ledger_lines l join ledger_accounts a on a.id = l.account_id
                where a.brand_id = ? and a.currency = ? and a.kind = ?""")
                .params(brandId, currency.getCurrencyCode(), kind.name()));
    }

    /** A one-row sum of minor units, exact (see {@link Sums}); 0 when there is nothing to sum. */
    private static long sum(JdbcClient.StatementSpec statement) {
        return Sums.exact(statement.query(BigDecimal.class).optional().orElse(null));
    }

    /** Every member payable balance of the brand in this currency, by member. */
    Map<UUID, Long> memberBalances(UUID brandId, Currency currency) {
        Map<UUID, Long> balances = new HashMap<>();
        jdbc.sql("""
                select a.member_id, sum(l.amount_minor) as balance
                from ledger_accounts a left join ledger_lines l on l.account_id = a.id
                where a.brand_id = ? and a.currency = ? and a.kind = 'MEMBER_PAYABLE'
                group by a.member_id""")
                .params(brandId, currency.getCurrencyCode())
                .query(rs -> {
                    balances.put(Sql.uuid(rs, "member_id"), Sums.exact(rs.getBigDecimal("balance")));
                });
        return balances;
    }

    /** The amount an idempotent entry moved (its debits), if an entry with this key exists. */
    Optional<Long> entryAmount(UUID brandId, String idempotencyKey) {
        return jdbc.sql("""
                select sum(case when l.amount_minor > 0 then l.amount_minor else 0 end)
                from ledger_entries e join ledger_lines l on l.entry_id = e.id
                where e.brand_id = ? and e.idempotency_key = ?
                group by e.id""")
                .params(brandId, idempotencyKey)
                .query(BigDecimal.class)
                .optional()
                .map(Sums::exact);
    }

    void insertEntry(UUID id, UUID brandId, Currency currency, EntryType type, String reference, String description,
            String idempotencyKey, Instant at, List<UUID> accounts, List<Long> amounts) {
        jdbc.sql("""
                insert into ledger_entries (id, brand_id, currency, type, reference, description, idempotency_key,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, brandId, currency.getCurrencyCode(), type.name(), reference, description, idempotencyKey,
                        Sql.ts(at))
                .update();
        batch.batchUpdate("insert into ledger_lines (entry_id, account_id, amount_minor) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setObject(1, id);
                        ps.setObject(2, accounts.get(i));
                        ps.setLong(3, amounts.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return accounts.size();
                    }
                });
    }

    /** Entries of the brand whose lines do not sum to zero; always empty unless something is broken. */
    List<UUID> unbalancedEntries(UUID brandId) {
        return jdbc.sql("""
                select e.id from ledger_entries e join ledger_lines l on l.entry_id = e.id
                where e.brand_id = ?
                group by e.id
                having sum(l.amount_minor) <> 0""")
                .param(brandId)
                .query(UUID.class)
                .list();
    }

    /** The sum of all lines of the brand in one currency; zero when every entry balances. */
    long total(UUID brandId, Currency currency) {
        return sum(jdbc.sql("""
                select sum(l.amount_minor)
                from ledger_lines l join ledger_accounts a on a.id = l.account_id
                where a.brand_id = ? and a.currency = ?""")
                .params(brandId, currency.getCurrencyCode()));
    }

    /** The lines of the entry posted with this reference and type (for an entry to be reversed). */
    List<Line> lines(UUID brandId, EntryType type, String reference) {
        return jdbc.sql("""
                select a.kind, a.member_id, l.amount_minor
                from ledger_entries e join ledger_lines l on l.entry_id = e.id
                    join ledger_accounts a on a.id = l.account_id
                where e.brand_id = ? and e.type = ? and e.reference = ?
                order by l.id""")
                .params(brandId, type.name(), reference)
                .query((rs, row) -> new Line(AccountKind.valueOf(rs.getString("kind")), Sql.uuid(rs, "member_id"),
                        rs.getLong("amount_minor")))
                .list();
    }

    List<JournalEntry> entries(UUID brandId, int limit, int offset) {
        List<JournalEntry> entries = jdbc.sql("""
                select id, type, reference, description, currency, created_at from ledger_entries
                where brand_id = ? order by created_at desc, id desc limit ? offset ?""")
                .params(brandId, limit, offset)
                .query((rs, row) -> new JournalEntry(Sql.uuid(rs, "id"), rs.getString("type"),
                        rs.getString("reference"), rs.getString("description"), rs.getString("currency").trim(),
                        Sql.instant(rs, "created_at"), new ArrayList<>()))
                .list();
        if (entries.isEmpty()) {
            return entries;
        }
        Map<UUID, JournalEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        jdbc.sql("""
                select l.entry_id, a.kind, a.member_id, l.amount_minor
                from ledger_lines l join ledger_accounts a on a.id = l.account_id
                where l.entry_id in (:ids) order by l.id""")
                .param("ids", byId.keySet())
                .query(rs -> {
                    JournalEntry entry = byId.get(Sql.uuid(rs, "entry_id"));
                    Money amount = new Money(rs.getLong("amount_minor"), Currency.getInstance(entry.currency()));
                    entry.lines().add(new JournalEntry.EntryLine(rs.getString("kind"), Sql.uuid(rs, "member_id"),
                            amount.toDecimalString()));
                });
        return entries;
    }

    long countEntries(UUID brandId) {
        return jdbc.sql("select count(*) from ledger_entries where brand_id = ?").param(brandId).query(Long.class)
                .single();
    }

    private static String ownerKey(UUID memberId) {
        return memberId == null ? "-" : memberId.toString();
    }
}
