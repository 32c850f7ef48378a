package io.grapholap.rest.instance;

import io.grapholap.application.instance.InstanceUseCases;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Data-plane calls of an instance held by another node are proxied there: queries, algorithm runs
 * and their executions, the schema, the algorithm lock and the health check under
 * {@code /api/instances/{id}/…}. The call goes to the owner node's registered URL with its method,
 * path, query, headers ({@code Authorization} included, so the owner authenticates it again) and
 * body, and the answer streams back as it comes. Every answer of these routes names the node that
 * ran it in {@code X-Grapholap-Node}. A call that was proxied once carries
 * {@code X-Grapholap-Proxied-By} and is never proxied again (it is answered where it lands). Runs
 * after authentication, so a call without valid credentials gets its 401 here; the lookup of the
 * owner (a metadata read) runs on the blocking executor, and only for instances this node does not
 * hold. The proxy client's pool and timeouts are set where it is wired.
 */
@Filter(patterns = {"/api/instances/*/query", "/api/instances/*/algo/**", "/api/instances/*/schema",
        "/api/instances/*/lock", "/api/instances/*/health"})
final class InstanceProxyFilter implements HttpServerFilter {

    static final String NODE = "X-Grapholap-Node";
    static final String PROXIED_BY = "X-Grapholap-Proxied-By";
    private static final Pattern INSTANCE = Pattern.compile("^/api/instances/(\\d{1,18})/");

    private final InstanceUseCases instances;
    private final ProxyHttpClient proxy;
    private final Scheduler blocking;

    InstanceProxyFilter(InstanceUseCases instances, @Named("node-proxy") ProxyHttpClient proxy,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.instances = instances;
        this.proxy = proxy;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Matcher m = INSTANCE.matcher(request.getPath());
        if (!m.find() || request.getHeaders().contains(PROXIED_BY)) {
            return local(request, chain);
        }
        long id = Long.parseLong(m.group(1));
        return Mono.fromCallable(() -> instances.servedElsewhere(id))
                .subscribeOn(blocking)
                .flatMap(owner -> owner.isEmpty() ? Mono.from(local(request, chain)) : Mono.from(forward(request, owner.get())));
    }

    private Publisher<MutableHttpResponse<?>> local(HttpRequest<?> request, ServerFilterChain chain) {
        return Mono.from(chain.proceed(request)).map(response -> response.header(NODE, instances.nodeId()));
    }

    private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, InstanceUseCases.Owner owner) {
        URI target = URI.create(owner.url());
        String authority = target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
        var forwarded = request.mutate()
                .uri(b -> b.scheme(target.getScheme()).host(target.getHost()).port(target.getPort()))
                .header(HttpHeaders.HOST, authority)
                .header(PROXIED_BY, instances.nodeId());
        return Mono.from(proxy.proxy(forwarded)).map(response -> {
            if (!response.getHeaders().contains(NODE)) {
                response.header(NODE, owner.nodeId());
            }
            return response;
        });
    }
}
