package io.grapholap.persistence.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo source: a small bank with customers, accounts and their owners, devices and logins,
 * merchants, transfers and card payments (118,000 rows). Every value is a function of the row
 * number, so each start builds the same data; it is generated inside H2 with
 * {@code INSERT … SELECT … FROM SYSTEM_RANGE}, which takes well under a second. There are no foreign
 * keys: checking them would make filling several times slower, and the data is consistent by
 * construction.
 */
final class DemoSourceData {

    static final int CUSTOMERS = 10_000;
    static final int ACCOUNTS = 15_000;
    static final int JOINT_OWNERS = 3_000;
    static final int DEVICES = 8_000;
    static final int LOGINS = 20_000;
    static final int MERCHANTS = 2_000;
    static final int TRANSFERS = 30_000;
    static final int PAYMENTS = 15_000;

    private DemoSourceData() {
    }

    /** Rows numbered 1..n in a column {@code x}; the quoted name works whatever the identifier case. */
    private static String range(int n) {
        return " FROM (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, " + n + ")) r";
    }

    private static String pick(String expression, String... values) {
        StringBuilder sb = new StringBuilder("CASE MOD(").append(expression).append(", ").append(values.length).append(")");
        for (int i = 0; i < values.length; i++) {
            sb.append(" WHEN ").append(i).append(" THEN '").append(values[i]).append("'");
        }
        return sb.append(" END").toString();
    }

    private static String timestamp(String start, String expression, long spanSeconds) {
        return "CAST(DATEADD('SECOND', MOD(" + expression + ", " + spanSeconds + "), TIMESTAMP '" + start + "') AS TIMESTAMP)";
    }

    private static String date(String start, String expression, long spanDays) {
        return "CAST(DATEADD('DAY', MOD(" + expression + ", " + spanDays + "), DATE '" + start + "') AS DATE)";
    }

    private static final String COUNTRIES_EXPR = "X * 31";
    private static final String[] COUNTRIES = {"GB", "DE", "FR", "US", "NL", "ES"};

    static List<String> statements() {
        return List.of(
                "CREATE TABLE customers (customer_id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,"
                        + " country CHAR(2) NOT NULL, segment VARCHAR(20) NOT NULL, risk_score DOUBLE PRECISION NOT NULL,"
                        + " is_verified BOOLEAN NOT NULL, birth_date DATE NOT NULL, created_at TIMESTAMP NOT NULL)",
                "INSERT INTO customers SELECT X, "
                        + pick("X", "Ada", "Bram", "Chloe", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas")
                        + " || ' ' || " + pick("X / 10", "Smith", "Meyer", "Dubois", "Garcia", "Jansen", "Rossi", "Novak", "Silva")
                        + ", 'customer' || X || '@example.com', " + pick(COUNTRIES_EXPR, COUNTRIES) + ", "
                        + pick("X", "retail", "premium", "business") + ", MOD(X * 7919, 1000) / 1000.0, MOD(X, 10) <> 0, "
                        + date("1950-01-01", "X * 37", 20_000) + ", " + timestamp("2022-01-01 00:00:00", "X * 7907", 94_608_000)
                        + range(CUSTOMERS),
                "CREATE TABLE accounts (account_id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                        + " account_type VARCHAR(20) NOT NULL, currency CHAR(3) NOT NULL, balance DECIMAL(14,2) NOT NULL,"
                        + " opened_on DATE NOT NULL, is_active BOOLEAN NOT NULL)",
                "INSERT INTO accounts SELECT X, MOD(X - 1, " + CUSTOMERS + ") + 1, " + pick("X", "checking", "savings", "business", "credit")
                        + ", " + pick("X * 7", "EUR", "GBP", "USD") + ", CAST(MOD(X * 104729, 10000000) / 100.0 AS DECIMAL(14,2)), "
                        + date("2015-01-01", "X * 53", 3_600) + ", MOD(X, 17) <> 0" + range(ACCOUNTS),
                "CREATE TABLE account_owners (customer_id BIGINT NOT NULL,"
                        + " account_id BIGINT NOT NULL, role VARCHAR(20) NOT NULL,"
                        + " since DATE NOT NULL)",
                "INSERT INTO account_owners SELECT customer_id, account_id, 'primary', opened_on FROM accounts",
                "INSERT INTO account_owners SELECT MOD(5 * X - 1 + 1234, " + CUSTOMERS + ") + 1, 5 * X, 'joint', "
                        + date("2016-01-01", "X * 11", 3_000) + range(JOINT_OWNERS),
                "CREATE TABLE devices (device_id BIGINT PRIMARY KEY, device_type VARCHAR(20) NOT NULL, os VARCHAR(20) NOT NULL,"
                        + " first_seen TIMESTAMP NOT NULL)",
                "INSERT INTO devices SELECT X, " + pick("X", "mobile", "desktop", "tablet") + ", "
                        + pick("X * 3", "ios", "android", "windows", "macos", "linux") + ", "
                        + timestamp("2021-01-01 00:00:00", "X * 7901", 126_144_000) + range(DEVICES),
                "CREATE TABLE device_logins (login_id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                        + " device_id BIGINT NOT NULL, login_at TIMESTAMP NOT NULL,"
                        + " ip_country CHAR(2) NOT NULL, success BOOLEAN NOT NULL)",
                "INSERT INTO device_logins SELECT X, MOD(X * 7919, " + CUSTOMERS + ") + 1, MOD(X * 104729, " + DEVICES + ") + 1, "
                        + timestamp("2025-01-01 00:00:00", "X * 7883", 31_536_000) + ", " + pick("X * 13", COUNTRIES)
                        + ", MOD(X, 23) <> 0" + range(LOGINS),
                "CREATE TABLE merchants (merchant_id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, category VARCHAR(20) NOT NULL,"
                        + " country CHAR(2) NOT NULL)",
                "INSERT INTO merchants SELECT X, 'Merchant ' || X, "
                        + pick("X", "grocery", "travel", "electronics", "fuel", "restaurants", "gambling", "crypto") + ", "
                        + pick("X * 5", COUNTRIES) + range(MERCHANTS),
                "CREATE TABLE transfers (transfer_id BIGINT PRIMARY KEY, from_account_id BIGINT NOT NULL,"
                        + " to_account_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " currency CHAR(3) NOT NULL, channel VARCHAR(10) NOT NULL, transferred_at TIMESTAMP NOT NULL)",
                "INSERT INTO transfers SELECT X, MOD(X * 7919, " + ACCOUNTS + ") + 1,"
                        + " MOD(MOD(X * 7919, " + ACCOUNTS + ") + 1 + MOD(X * 31, " + (ACCOUNTS - 1) + "), " + ACCOUNTS + ") + 1,"
                        + " CAST(MOD(X * 104729, 500000) / 100.0 + 1 AS DECIMAL(12,2)), " + pick("X * 7", "EUR", "GBP", "USD") + ", "
                        + pick("X", "online", "mobile", "branch", "atm") + ", "
                        + timestamp("2025-01-01 00:00:00", "X * 7877", 31_536_000) + range(TRANSFERS),
                "CREATE TABLE card_payments (payment_id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL,"
                        + " merchant_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " paid_at TIMESTAMP NOT NULL)",
                "INSERT INTO card_payments SELECT X, MOD(X * 6007, " + ACCOUNTS + ") + 1, MOD(X * 104723, " + MERCHANTS + ") + 1,"
                        + " CAST(MOD(X * 7817, 30000) / 100.0 + 0.5 AS DECIMAL(12,2)), "
                        + timestamp("2025-01-01 00:00:00", "X * 7873", 31_536_000) + range(PAYMENTS));
    }

    /** Creates and fills the demo tables when the database has none; returns the rows written. */
    static int seedIfEmpty(Connection c) throws SQLException {
        for (String name : List.of("customers", "CUSTOMERS")) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return 0;
                }
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int rows = 0;
        try (Statement s = c.createStatement()) {
            for (String sql : statements()) {
                rows += Math.max(0, s.executeUpdate(sql));
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return rows;
    }
}
