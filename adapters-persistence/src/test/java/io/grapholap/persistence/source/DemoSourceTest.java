package io.grapholap.persistence.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.mapping.SourceDatabase.ColumnKind;
import io.grapholap.application.mapping.SourceDatabase.SourceColumn;
import io.grapholap.application.mapping.SourceDatabase.SourceQueryException;
import io.grapholap.application.schema.SourceCatalog.TableEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo source on in-memory H2: its row counts, the zero-row probe and the catalog reader. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSourceTest {

    private SourcePool pool;
    private String url;
    private java.nio.file.Path dir;

    @BeforeAll
    void seed() throws java.io.IOException {
        // A file database, as the server uses: the read-only demo user may not set DB_CLOSE_DELAY on a memory one.
        dir = java.nio.file.Files.createTempDirectory("demo-source-");
        url = "jdbc:h2:file:" + dir.resolve("demo") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        pool = new SourcePool(url, "sa", "", true, "PT5S", 2);
    }

    @AfterAll
    void close() throws java.io.IOException {
        pool.close();
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private long count(String table) throws Exception {
        try (Connection c = pool.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theDemoDataHasItsDocumentedSize() throws Exception {
        assertThat(count("customers")).isEqualTo(10_000);
        assertThat(count("accounts")).isEqualTo(15_000);
        assertThat(count("account_owners")).isEqualTo(18_000);
        assertThat(count("devices")).isEqualTo(8_000);
        assertThat(count("device_logins")).isEqualTo(20_000);
        assertThat(count("merchants")).isEqualTo(2_000);
        assertThat(count("transfers")).isEqualTo(30_000);
        assertThat(count("card_payments")).isEqualTo(15_000);
        assertThat(count("transfers WHERE from_account_id = to_account_id")).isZero();
    }

    @Test
    void theDataIsTheSameOnEveryStart() throws Exception {
        try (Connection c = pool.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, country, amount FROM customers, transfers WHERE customer_id = 7 AND transfer_id = 7")) {
            rs.next();
            // customer 7: first name index 7 % 10, surname (7 / 10) % 8, country (7 * 31) % 6 = 1; transfer 7: (7 * 104729) % 500000 / 100 + 1 = 2332.03
            assertThat(rs.getString(1)).isEqualTo("Hana Smith");
            assertThat(rs.getString(2)).isEqualTo("DE");
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("2332.03");
        }
    }

    @Test
    void aSecondStartLeavesTheDataAlone() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            assertThat(DemoSourceData.seedIfEmpty(c)).isZero();
        }
        assertThat(count("customers")).isEqualTo(10_000);
    }

    @Test
    void theProbeReportsColumnsAndKinds() {
        List<SourceColumn> columns = new JdbcSourceDatabase(pool).describe(
                "SELECT transfer_id, amount, transferred_at, currency, COUNT(*) OVER () AS n FROM transfers;");
        assertThat(columns).extracting(SourceColumn::name).containsExactly("transfer_id", "amount", "transferred_at", "currency", "n");
        assertThat(columns).extracting(SourceColumn::kind).containsExactly(
                ColumnKind.INT64, ColumnKind.DECIMAL, ColumnKind.TIMESTAMP, ColumnKind.TEXT, ColumnKind.INT64);
        assertThat(columns.get(1).scale()).isEqualTo(2);
        assertThat(columns.get(1).typeName()).isEqualTo("DECIMAL(12,2)");
    }

    @Test
    void theProbeCannotChangeData() throws Exception {
        var source = new JdbcSourceDatabase(pool);
        assertThatThrownBy(() -> source.describe("DELETE FROM merchants")).isInstanceOf(SourceQueryException.class);
        assertThatThrownBy(() -> source.describe("SELECT nope FROM merchants"))
                .isInstanceOf(SourceQueryException.class).hasMessageContaining("nope");
        assertThat(count("merchants")).isEqualTo(2_000);
    }

    @Test
    void userSqlCannotReachTheServersFiles() throws Exception {
        // The probe never evaluates a row; a snapshot will, on the same read-only account.
        try (Connection c = pool.connection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT FILE_READ('/etc/hostname') AS f").next())
                    .hasMessageContaining("Admin rights");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM CSVREAD('/etc/hostname')").next())
                    .hasMessageContaining("Admin rights");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM merchants")).hasMessageContaining("rights");
        }
    }

    @Test
    void theCatalogListsTheDemoTablesWithOrderedColumns() {
        List<TableEntry> tables = new JdbcSourceCatalog(pool).read();
        assertThat(tables).extracting(TableEntry::table).containsExactlyInAnyOrder(
                "customers", "accounts", "account_owners", "devices", "device_logins", "merchants", "transfers", "card_payments");
        TableEntry customers = tables.stream().filter(t -> t.table().equals("customers")).findFirst().orElseThrow();
        assertThat(customers.schema()).isEqualTo("public");
        assertThat(customers.type()).isEqualTo("TABLE");
        assertThat(customers.columns()).extracting(c -> c.name()).containsExactly(
                "customer_id", "name", "email", "country", "segment", "risk_score", "is_verified", "birth_date", "created_at");
        assertThat(customers.columns().getFirst().ordinalPosition()).isEqualTo(1);
    }
}
