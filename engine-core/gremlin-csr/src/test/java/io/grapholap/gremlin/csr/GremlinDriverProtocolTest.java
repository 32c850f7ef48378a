package io.grapholap.gremlin.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.common.Page;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.dataplane.DriverAccess;
import io.grapholap.application.dataplane.DriverProtocol;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.AuthenticateApiKey;
import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.application.security.CreateApiKey;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.FindCurrentAccount;
import io.grapholap.application.security.InMemorySecurityStore;
import io.grapholap.application.security.PlainHasher;
import io.grapholap.application.user.CreateUser;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.user.Role;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.gremlin.csr.server.GremlinDriverProtocol;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.tinkerpop.gremlin.process.remote.traversal.DefaultRemoteTraverser;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver protocol without a network: requests serialized with TinkerPop's own serializers, as
 * a driver sends them, over TinkerPop's "modern" graph as instance 7 of ana; answers decoded the
 * same way. Requests run on the calling thread, so every answer is in when {@code receive} returns.
 */
class GremlinDriverProtocolTest {

    private static final GraphTraversalSource G = EmptyGraph.instance().traversal();
    private static final Map<String, String> INSTANCE_7 = Map.of("g", "instance_7");

    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final PlainHasher hasher = new PlainHasher();
    private final CredentialCache cache = new CredentialCache(Clock.systemUTC(), Duration.ofSeconds(5));
    private final FindCurrentAccount accounts = new FindCurrentAccount(store, cache);
    private final List<AuditEntry> audit = Collections.synchronizedList(new ArrayList<>());
    private ModernInstance graph;
    private String anasKey;
    private DriverProtocol protocol;

    /** TinkerPop's modern graph as a host instance. */
    private static final class ModernInstance extends CsrGraphInstance {
        ModernInstance() {
            super(TinkerToCsr.convert(TinkerFactory.createModern()), ComputePool.create("driver-test", 2));
        }

        @Override
        public String engine() {
            return "test";
        }

        @Override
        public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
            throw new UnsupportedOperationException("no algorithms in this test");
        }
    }

    @BeforeEach
    void start() {
        Actor admin = new Actor("admin", Set.of(Role.ADMIN), Set.of());
        CreateUser users = new CreateUser(store, hasher, cache, Clock.systemUTC());
        users.create(admin, CreateUser.Command.of("ana", "anas-password", List.of("analyst"), List.of()));
        users.create(admin, CreateUser.Command.of("bob", "bobs-password", List.of("analyst"), List.of()));
        Actor ana = new AuthenticateWithPassword(store, hasher, cache, accounts).authenticate("ana", "anas-password").orElseThrow();
        anasKey = new CreateApiKey(store, Clock.systemUTC()).create(ana, new CreateApiKey.Command("driver")).secret();
        graph = new ModernInstance();
        LiveInstance seven = new LiveInstance(7, "ana", "test", graph);
        LiveInstances instances = (id, actor) -> {
            if (id != 7) {
                throw new NotFoundException("instance", id);
            }
            if (!actor.username().equals("ana")) {
                throw new PermissionDeniedException("only the owner (ana), ops or an admin may use instance 7");
            }
            return seven;
        };
        AuditLog log = new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
                audit.add(entry);
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query) {
                return new Page<>(List.copyOf(audit), audit.size(), 0, audit.size());
            }
        };
        DataPlaneSettings settings = new DataPlaneSettings(Duration.ofSeconds(30), Duration.ofMinutes(1), 5, 10_000,
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(1), 10, Duration.ofMinutes(5));
        DriverAccess access = new DriverAccess(new AuthenticateWithPassword(store, hasher, cache, accounts),
                new AuthenticateApiKey(store, cache, accounts), instances, settings,
                new ConcurrencyLimit("queries", "user", 4, 4), log, Clock.systemUTC());
        protocol = new GremlinDriverProtocol(access, Runnable::run, new GremlinDriverProtocol.Settings(2, 8));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    /** A client end: frames sent in one format, answers decoded in it. */
    private final class Client implements DriverProtocol.Outbox {
        final MessageSerializer<?> serializer;
        final boolean text;
        final List<ResponseMessage> answers = Collections.synchronizedList(new ArrayList<>());
        final DriverProtocol.Connection connection = protocol.open("test", this);

        Client(MessageSerializer<?> serializer, boolean text) {
            this.serializer = serializer;
            this.text = text;
        }

        @Override
        public CompletionStage<?> sendBinary(byte[] frame) {
            assertThat(text).as("a binary request is answered in binary frames").isFalse();
            try {
                answers.add(serializer.deserializeResponse(Unpooled.wrappedBuffer(frame)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> sendText(String frame) {
            assertThat(text).as("a text request is answered in text frames").isTrue();
            try {
                answers.add(((GraphSONMessageSerializerV3) serializer).deserializeResponse(frame));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return CompletableFuture.completedFuture(null);
        }

        void send(RequestMessage request) {
            try {
                if (text) {
                    connection.receive(((GraphSONMessageSerializerV3) serializer).serializeRequestAsString(request,
                            UnpooledByteBufAllocator.DEFAULT).getBytes(StandardCharsets.UTF_8));
                } else {
                    connection.receive(ByteBufUtil.getBytes(serializer.serializeRequestAsBinary(request, UnpooledByteBufAllocator.DEFAULT)));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** Sends {@code request} on a new connection that answers the challenge with {@code user} and {@code password}. */
        List<ResponseMessage> authenticated(RequestMessage request, String user, String password) {
            send(request);
            assertThat(answers).singleElement().satisfies(a -> {
                assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.AUTHENTICATE);
                assertThat(a.getRequestId()).isEqualTo(request.getRequestId());
            });
            answers.clear();
            send(RequestMessage.build(Tokens.OPS_AUTHENTICATION).addArg(Tokens.ARGS_SASL_MECHANISM, "PLAIN")
                    .addArg(Tokens.ARGS_SASL, Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                            .getBytes(StandardCharsets.UTF_8))).create());
            return answers;
        }

        List<ResponseMessage> asAna(RequestMessage request) {
            return authenticated(request, "ana", "anas-password");
        }
    }

    private Client graphBinary() {
        return new Client(new GraphBinaryMessageSerializerV1(), false);
    }

    private static RequestMessage bytecode(Bytecode bytecode, Map<String, String> aliases, Object... args) {
        RequestMessage.Builder b = RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal")
                .addArg(Tokens.ARGS_GREMLIN, bytecode).addArg(Tokens.ARGS_ALIASES, aliases);
        for (int i = 0; i < args.length; i += 2) {
            b.addArg((String) args[i], args[i + 1]);
        }
        return b.create();
    }

    private static RequestMessage script(String gremlin, Map<String, Object> bindings, Object... args) {
        RequestMessage.Builder b = RequestMessage.build(Tokens.OPS_EVAL).addArg(Tokens.ARGS_GREMLIN, gremlin)
                .addArg(Tokens.ARGS_LANGUAGE, "gremlin-groovy").addArg(Tokens.ARGS_ALIASES, INSTANCE_7)
                .addArg(Tokens.ARGS_BINDINGS, bindings);
        for (int i = 0; i < args.length; i += 2) {
            b.addArg((String) args[i], args[i + 1]);
        }
        return b.create();
    }

    private static List<Object> results(List<ResponseMessage> answers) {
        List<Object> all = new ArrayList<>();
        for (ResponseMessage a : answers) {
            if (a.getResult().getData() instanceof List<?> l) {
                all.addAll(l);
            }
        }
        return all;
    }

    private static List<ResponseStatusCode> codes(List<ResponseMessage> answers) {
        return answers.stream().map(a -> a.getStatus().getCode()).toList();
    }

    @Test
    void aBytecodeRequestIsChallengedThenAnsweredInBatchesOfTraversers() {
        RequestMessage request = bytecode(G.V().hasLabel("person").values("name").asAdmin().getBytecode(), INSTANCE_7);

        List<ResponseMessage> answers = graphBinary().asAna(request);

        assertThat(codes(answers)).containsExactly(ResponseStatusCode.PARTIAL_CONTENT, ResponseStatusCode.SUCCESS);
        assertThat(answers).allSatisfy(a -> assertThat(a.getRequestId()).isEqualTo(request.getRequestId()));
        assertThat(results(answers)).allSatisfy(r -> assertThat(r).isInstanceOf(DefaultRemoteTraverser.class));
        assertThat(results(answers).stream().map(r -> (Object) ((DefaultRemoteTraverser<?>) r).get()).toList())
                .containsExactlyInAnyOrder("marko", "vadas", "josh", "peter");
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::targetId, AuditEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GREMLIN authentication", "ana", null, 200),
                        org.assertj.core.groups.Tuple.tuple("GREMLIN bytecode", "ana", "7", 200));
    }

    @Test
    void equalResultsComeAsOneTraverserWithTheirBulkAndVerticesWithTheirProperties() {
        Client client = graphBinary();
        List<ResponseMessage> answers = client.asAna(bytecode(G.V().out("created").label().asAdmin().getBytecode(), INSTANCE_7));
        assertThat(results(answers)).extracting(r -> ((DefaultRemoteTraverser<?>) r).get() + "x" + ((DefaultRemoteTraverser<?>) r).bulk())
                .containsExactly("softwarex4");

        client.answers.clear();
        client.send(bytecode(G.V().has("name", "marko").asAdmin().getBytecode(), INSTANCE_7));
        Vertex marko = (Vertex) ((DefaultRemoteTraverser<?>) results(client.answers).getFirst()).get();
        assertThat(marko.label()).isEqualTo("person");
        assertThat(marko.<Integer>value("age")).isEqualTo(29);

        client.answers.clear();
        client.send(bytecode(G.V().has("name", "marko").asAdmin().getBytecode(), INSTANCE_7,
                Tokens.ARGS_MATERIALIZE_PROPERTIES, Tokens.MATERIALIZE_PROPERTIES_TOKENS));
        Vertex reference = (Vertex) ((DefaultRemoteTraverser<?>) results(client.answers).getFirst()).get();
        assertThat(reference.properties()).toIterable().isEmpty();
    }

    @Test
    void aScriptIsGremlinLangWithBindingsAndAnsweredWithValuesInGraphSonTextFrames() {
        Client client = new Client(new GraphSONMessageSerializerV3(), true);
        RequestMessage request = script("g.V().has('name', who).out('created').values('name')", Map.of("who", "josh"));

        List<ResponseMessage> answers = client.asAna(request);

        assertThat(codes(answers)).containsExactly(ResponseStatusCode.SUCCESS);
        assertThat(results(answers)).containsExactlyInAnyOrder("ripple", "lop");
    }

    @Test
    void requestsArrivingDuringTheChallengeRunAfterItAndAnEmptyResultIs204() {
        Client client = graphBinary();
        RequestMessage first = bytecode(G.V().count().asAdmin().getBytecode(), INSTANCE_7);
        RequestMessage second = script("g.V().has('name','nobody')", Map.of());
        client.send(first);
        client.send(second);
        assertThat(codes(client.answers)).containsExactly(ResponseStatusCode.AUTHENTICATE);
        client.answers.clear();
        client.send(RequestMessage.build(Tokens.OPS_AUTHENTICATION).addArg(Tokens.ARGS_SASL,
                Base64.getEncoder().encodeToString("\0ana\0anas-password".getBytes(StandardCharsets.UTF_8))).create());

        assertThat(client.answers).hasSize(2);
        assertThat(client.answers).filteredOn(a -> a.getRequestId().equals(first.getRequestId())).singleElement()
                .satisfies(a -> assertThat(((DefaultRemoteTraverser<?>) ((List<?>) a.getResult().getData()).getFirst()).get()).isEqualTo(6L));
        assertThat(client.answers).filteredOn(a -> a.getRequestId().equals(second.getRequestId())).singleElement()
                .satisfies(a -> assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.NO_CONTENT));
    }

    @Test
    void badCredentialsFailTheWaitingRequestWith401AndAreAudited() {
        Client client = graphBinary();
        RequestMessage request = bytecode(G.V().count().asAdmin().getBytecode(), INSTANCE_7);

        List<ResponseMessage> answers = client.authenticated(request, "ana", "not-her-password");

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.getRequestId()).isEqualTo(request.getRequestId());
            assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.UNAUTHORIZED);
            assertThat(a.getStatus().getMessage()).isEqualTo("invalid username or password, or the account is disabled");
        });
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GREMLIN authentication", "ana", 401));

        client.answers.clear();
        client.send(request);
        assertThat(codes(client.answers)).as("the next request starts a new challenge").containsExactly(ResponseStatusCode.AUTHENTICATE);
    }

    @Test
    void anApiKeyIsAcceptedAsThePassword() {
        List<ResponseMessage> answers = graphBinary().authenticated(script("g.V().count()", Map.of()), "ana", anasKey);

        assertThat(results(answers)).containsExactly(6L);
    }

    @Test
    void anInstanceOfAnotherUserIs403AndAnUnknownOrMissingSourceIs499() {
        assertThat(graphBinary().authenticated(script("g.V().count()", Map.of()), "bob", "bobs-password"))
                .singleElement().satisfies(a -> {
                    assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.FORBIDDEN);
                    assertThat(a.getStatus().getMessage()).contains("only the owner (ana)");
                    assertThat(a.getStatus().getAttributes()).containsEntry("code", "PERMISSION_DENIED");
                });
        Client client = graphBinary();
        assertThat(client.asAna(bytecode(G.V().asAdmin().getBytecode(), Map.of("g", "instance_8"))))
                .singleElement().satisfies(a -> {
                    assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
                    assertThat(a.getStatus().getMessage()).contains("not configured").contains("instance 8");
                });
        client.answers.clear();
        client.send(bytecode(G.V().asAdmin().getBytecode(), Map.of("g", "g")));
        assertThat(client.answers).singleElement().satisfies(a -> {
            assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
            assertThat(a.getStatus().getMessage()).contains("instance_<id>");
        });
        assertThat(audit).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::status).contains(
                org.assertj.core.groups.Tuple.tuple("bob", "GREMLIN eval", 403),
                org.assertj.core.groups.Tuple.tuple("ana", "GREMLIN bytecode", 404),
                org.assertj.core.groups.Tuple.tuple("ana", "GREMLIN bytecode", 400));
    }

    @Test
    void writesAre597AndTheGraphIsUnchanged() {
        Client client = graphBinary();
        assertThat(client.asAna(bytecode(G.addV("person").property("name", "eve").asAdmin().getBytecode(), INSTANCE_7)))
                .singleElement().satisfies(a -> {
                    assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.SERVER_ERROR_EVALUATION);
                    assertThat(a.getStatus().getMessage()).contains("read-only");
                });
        client.answers.clear();
        client.send(script("g.V().has('name','marko').property('age', 30)", Map.of()));
        assertThat(codes(client.answers)).containsExactly(ResponseStatusCode.SERVER_ERROR_EVALUATION);
        client.answers.clear();
        client.send(script("g.V().has('name','marko').values('age')", Map.of()));
        assertThat(results(client.answers)).containsExactly(29);
    }

    @Test
    void aQueryPastItsEvaluationTimeoutIs598AndOneOverTheMaximumIs499() {
        Client client = graphBinary();
        List<ResponseMessage> answers = client.asAna(bytecode(G.V().repeat(__.both()).times(40).path().count().asAdmin().getBytecode(),
                INSTANCE_7, Tokens.ARGS_EVAL_TIMEOUT, 200L));

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.SERVER_ERROR_TIMEOUT);
            assertThat(a.getStatus().getAttributes()).containsEntry("code", "TIMEOUT");
        });
        client.answers.clear();
        client.send(script("g.V().count()", Map.of(), Tokens.ARGS_EVAL_TIMEOUT, 3_600_000L));
        assertThat(client.answers).singleElement().satisfies(a -> {
            assertThat(a.getStatus().getCode()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
            assertThat(a.getStatus().getMessage()).contains("evaluationTimeout");
        });
    }

    @Test
    void resultsStopAtTheRowLimitAndTheLastAnswerSaysSo() {
        List<ResponseMessage> answers = graphBinary().asAna(script("g.V().values('name')", Map.of(), Tokens.ARGS_BATCH_SIZE, 64));

        assertThat(results(answers)).hasSize(5);
        assertThat(answers.getLast().getStatus().getAttributes()).containsEntry("truncated", true).containsEntry("maxRows", 5);
    }

    @Test
    void scriptsThatAreNotGremlinLangAndUnknownOpsAndSessionsAreRefused() {
        Client client = graphBinary();
        assertThat(codes(client.asAna(script("def x = 1; g.V()", Map.of()))))
                .containsExactly(ResponseStatusCode.SERVER_ERROR_EVALUATION);
        client.answers.clear();
        client.send(RequestMessage.build("gremlin-magic").addArg(Tokens.ARGS_ALIASES, INSTANCE_7).create());
        client.send(script("g.V()", Map.of(), Tokens.ARGS_SESSION, UUID.randomUUID().toString()));
        client.send(script("g.V()", Map.of(), Tokens.ARGS_LANGUAGE, "gremlin-python"));
        assertThat(codes(client.answers)).containsExactly(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST,
                ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS, ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
        client.answers.clear();
        client.connection.receive(new byte[] {5, 'x'});
        assertThat(codes(client.answers)).containsExactly(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST);
    }
}
