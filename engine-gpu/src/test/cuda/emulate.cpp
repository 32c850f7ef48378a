// Runs the GraphOLAP CUDA kernels on the host, one emulated thread at a time (in forward, reverse
// and shuffled thread order), driven the way GpuGraphEngine drives them, and compares every result
// with a plain reference implementation on random directed and undirected graphs. It checks the
// kernels' logic and indexing without a GPU; it cannot find data races (threads never overlap).
// vector.cu (shared-memory reductions) is not emulated. Run: emulate.sh OUT_DIR
#include "emulate.h"
#include "pagerank.cu"
#include "bfs.cu"
#include "wcc.cu"
#include "sssp.cu"
#include "cdlp.cu"
#include "degree.cu"
#include "triangles.cu"
#include <cstdio>
#include <queue>
#include <set>
#include <map>
#include <functional>
using namespace std;
struct G { int n; bool directed; vector<int> oo, ot, io, is; vector<double> w; };

static G make(int n, int m, bool directed, unsigned seed) {
    mt19937 r(seed);
    vector<int> s, d; vector<double> ww;
    for (int i = 0; i < m; i++) {
        int a = r() % n, b = r() % n; double x = (r() % 10000) / 1000.0;
        s.push_back(a); d.push_back(b); ww.push_back(x);
        if (!directed && a != b) { s.push_back(b); d.push_back(a); ww.push_back(x); }
    }
    G g; g.n = n; g.directed = directed;
    int A = s.size();
    g.oo.assign(n + 1, 0); g.io.assign(n + 1, 0);
    for (int i = 0; i < A; i++) { g.oo[s[i] + 1]++; g.io[d[i] + 1]++; }
    for (int v = 0; v < n; v++) { g.oo[v + 1] += g.oo[v]; g.io[v + 1] += g.io[v]; }
    g.ot.resize(A); g.is.resize(A); g.w.resize(A);
    vector<int> po(g.oo.begin(), g.oo.end() - 1), pi(g.io.begin(), g.io.end() - 1);
    for (int i = 0; i < A; i++) { int o = po[s[i]]++; g.ot[o] = d[i]; g.w[o] = ww[i]; g.is[pi[d[i]]++] = s[i]; }
    if (!directed) { g.io = g.oo; g.is = g.ot; }
    return g;
}
static int fails = 0;
#define CHECK(c, ...) do { if (!(c)) { fails++; if (fails < 20) { printf("FAIL: "); printf(__VA_ARGS__); printf("\n"); } } } while (0)

// ---------- references ----------
static vector<int> refBfs(const G& g, int s) {
    vector<int> d(g.n, GO_UNREACHED); d[s] = 0; queue<int> q; q.push(s);
    while (!q.empty()) { int v = q.front(); q.pop(); for (int e = g.oo[v]; e < g.oo[v+1]; e++) { int u = g.ot[e]; if (d[u] == GO_UNREACHED) { d[u] = d[v] + 1; q.push(u); } } }
    return d;
}
static vector<int> refWcc(const G& g) {
    vector<int> p(g.n); for (int i = 0; i < g.n; i++) p[i] = i;
    function<int(int)> f = [&](int x) { while (p[x] != x) x = p[x] = p[p[x]]; return x; };
    for (int v = 0; v < g.n; v++) for (int e = g.oo[v]; e < g.oo[v+1]; e++) { int a = f(v), b = f(g.ot[e]); if (a != b) { if (a < b) p[b] = a; else p[a] = b; } }
    vector<int> r(g.n); for (int v = 0; v < g.n; v++) r[v] = f(v);
    // min id per component
    vector<int> mn(g.n, INT32_MAX); for (int v = 0; v < g.n; v++) mn[r[v]] = min(mn[r[v]], v);
    for (int v = 0; v < g.n; v++) r[v] = mn[r[v]];
    return r;
}
static vector<double> refSssp(const G& g, int s) {
    vector<double> d(g.n, INFINITY); d[s] = 0; priority_queue<pair<double,int>, vector<pair<double,int>>, greater<>> q; q.push({0, s});
    while (!q.empty()) { auto [dv, v] = q.top(); q.pop(); if (dv > d[v]) continue; for (int e = g.oo[v]; e < g.oo[v+1]; e++) { double nd = dv + g.w[e]; if (nd < d[g.ot[e]]) { d[g.ot[e]] = nd; q.push({nd, g.ot[e]}); } } }
    return d;
}
static vector<long long> refCdlp(const G& g, int its) {
    vector<long long> l(g.n), nx(g.n); for (int v = 0; v < g.n; v++) l[v] = v;
    for (int it = 0; it < its; it++) {
        for (int v = 0; v < g.n; v++) {
            map<long long,int> c;
            for (int e = g.oo[v]; e < g.oo[v+1]; e++) c[l[g.ot[e]]]++;
            if (g.directed) for (int e = g.io[v]; e < g.io[v+1]; e++) c[l[g.is[e]]]++;
            if (c.empty()) { nx[v] = l[v]; continue; }
            long long best = 0; int bc = -1; for (auto& [k, n] : c) if (n > bc) { bc = n; best = k; }
            nx[v] = best;
        }
        swap(l, nx);
    }
    return l;
}
static vector<set<int>> nbrs(const G& g) {
    vector<set<int>> N(g.n);
    for (int v = 0; v < g.n; v++) { for (int e = g.oo[v]; e < g.oo[v+1]; e++) if (g.ot[e] != v) N[v].insert(g.ot[e]); if (g.directed) for (int e = g.io[v]; e < g.io[v+1]; e++) if (g.is[e] != v) N[v].insert(g.is[e]); }
    return N;
}
static vector<long long> refTri(const G& g) {
    auto N = nbrs(g); vector<long long> t(g.n, 0);
    for (int v = 0; v < g.n; v++) for (int a : N[v]) for (int b : N[v]) if (a < b && N[a].count(b)) t[v]++;
    return t;
}
static vector<double> refLcc(const G& g) {
    auto N = nbrs(g); vector<double> r(g.n, 0);
    for (int v = 0; v < g.n; v++) {
        long long k = N[v].size(); if (k < 2) continue; long long links = 0;
        for (int u : N[v]) { set<int> out; for (int e = g.oo[u]; e < g.oo[u+1]; e++) if (g.ot[e] != u) out.insert(g.ot[e]); for (int x : out) if (N[v].count(x)) links++; }
        r[v] = (double) links / ((double) k * (k - 1));
    }
    return r;
}
static vector<double> refPr(const G& g, double d, int its) {
    int n = g.n; vector<double> r(n, 1.0 / n), nx(n);
    for (int it = 0; it < its; it++) {
        double dang = 0; for (int v = 0; v < n; v++) if (g.oo[v+1] == g.oo[v]) dang += r[v];
        for (int v = 0; v < n; v++) { double s = 0; for (int e = g.io[v]; e < g.io[v+1]; e++) { int u = g.is[e]; s += r[u] / (g.oo[u+1] - g.oo[u]); } nx[v] = (1 - d) / n + d * dang / n + d * s; }
        swap(r, nx);
    }
    return r;
}
static void simple(const G& g, bool withIn, vector<int>& off, vector<int>& adj) {
    off.assign(g.n + 1, 0); adj.clear();
    for (int v = 0; v < g.n; v++) { set<int> s; for (int e = g.oo[v]; e < g.oo[v+1]; e++) if (g.ot[e] != v) s.insert(g.ot[e]); if (withIn && g.directed) for (int e = g.io[v]; e < g.io[v+1]; e++) if (g.is[e] != v) s.insert(g.is[e]); for (int x : s) adj.push_back(x); off[v+1] = adj.size(); }
}

// ---------- host loops as GpuAlgorithms drives the kernels ----------
static long g_bu = 0, g_collect = 0;
static vector<int> gpuBfs(G& g, int source) {
    int n = g.n; vector<int> depth(n), q(n + 1), nq(n + 1); int nextSize; unsigned long long nextArcs;
    int* Q = q.data(); int* NQ = nq.data();
    launch(n, [&] { bfs_init(n, depth.data(), source); });
    Q[0] = source; long long unexplored = g.oo[n]; long long frontierArcs = g.oo[source+1] - g.oo[source];
    int fs = 1, prev = 0, level = 0; bool bu = false;
    while (fs > 0) {
        if (!bu && frontierArcs > unexplored / 15) bu = true;
        else if (bu && fs < prev && fs < n / 18) { nextSize = 0; launch(n, [&] { bfs_collect(n, depth.data(), level, Q, &nextSize); }); bu = false; g_collect++; }
        nextSize = 0; nextArcs = 0;
        if (bu) g_bu++; if (bu) launch(n, [&] { bfs_bottom_up(n, g.oo.data(), g.io.data(), g.is.data(), depth.data(), level, &nextSize, &nextArcs); });
        else { int f = fs; launch(f, [&] { bfs_top_down(g.oo.data(), g.ot.data(), Q, f, depth.data(), level, NQ, &nextSize, &nextArcs); }); swap(Q, NQ); }
        prev = fs; fs = nextSize; frontierArcs = nextArcs; unexplored -= frontierArcs; if (fs > 0) level++;
    }
    return depth;
}
static vector<int> gpuWcc(G& g) {
    int n = g.n; vector<int> c(n); int changed;
    launch(n, [&] { wcc_init(n, c.data()); });
    while (n > 0) { changed = 0; launch(n, [&] { wcc_hook(n, g.oo.data(), g.ot.data(), c.data(), &changed); }); launch(n, [&] { wcc_compress(n, c.data()); }); if (!changed) break; }
    return c;
}
static vector<double> gpuSssp(G& g, int s) {
    int n = g.n; vector<unsigned long long> d(n); vector<int> a(n), na(n); int changed;
    int* A = a.data(); int* NA = na.data();
    launch(n, [&] { sssp_init(n, d.data(), A, s); });
    while (true) { changed = 0; fill(NA, NA + n, 0); launch(n, [&] { sssp_relax(n, g.oo.data(), g.ot.data(), g.w.data(), d.data(), A, NA, &changed); }); swap(A, NA); if (!changed) break; }
    vector<double> r(n); memcpy(r.data(), d.data(), 8 * n); return r;
}
static vector<long long> gpuCdlp(G& g, int its) {
    int n = g.n; vector<long long> l(n), nx(n), scratch((size_t) g.oo[n] * (g.directed ? 2 : 1) + 1);
    for (int v = 0; v < n; v++) l[v] = v;
    for (int it = 0; it < its; it++) { launch(n, [&] { cdlp_step(n, g.oo.data(), g.ot.data(), g.io.data(), g.is.data(), g.directed ? 1 : 0, l.data(), nx.data(), scratch.data()); }); swap(l, nx); }
    return l;
}
static vector<long long> gpuTri(G& g) {
    vector<int> off, adj; simple(g, true, off, adj); int n = g.n, arcs = adj.size();
    vector<unsigned long long> t(n, 0);
    launch(arcs, [&] { tc_arcs(n, arcs, off.data(), adj.data(), t.data()); });
    vector<long long> r(n); for (int v = 0; v < n; v++) r[v] = t[v] / 2; return r;
}
static vector<double> gpuLcc(G& g) {
    vector<int> off, adj, ooff, oadj; simple(g, true, off, adj); if (g.directed) simple(g, false, ooff, oadj); else { ooff = off; oadj = adj; }
    int n = g.n, arcs = adj.size(); vector<unsigned long long> links(n, 0); vector<double> r(n);
    launch(arcs, [&] { lcc_arcs(n, arcs, off.data(), adj.data(), ooff.data(), oadj.data(), links.data()); });
    launch(n, [&] { lcc_finish(n, off.data(), links.data(), r.data()); });
    return r;
}
static vector<double> gpuPr(G& g, double d, int its) {
    int n = g.n; vector<double> r(n), nx(n), c(n), mask(n);
    launch(n, [&] { pr_init_f64(n, g.oo.data(), r.data(), c.data(), mask.data()); });
    for (int it = 0; it < its; it++) {
        double dang = 0; for (int v = 0; v < n; v++) dang += r[v] * mask[v];
        double base = (1.0 - d) / n + d * dang / n;
        launch(n, [&] { pr_pull_f64(n, g.io.data(), g.is.data(), c.data(), nx.data(), base, d); });
        launch(n, [&] { pr_contrib_f64(n, g.oo.data(), nx.data(), c.data()); });
        swap(r, nx);
    }
    return r;
}
static vector<float> gpuPr32(G& g, double d, int its) {
    int n = g.n; vector<float> r(n), nx(n), c(n), mask(n);
    launch(n, [&] { pr_init_f32(n, g.oo.data(), r.data(), c.data(), mask.data()); });
    for (int it = 0; it < its; it++) {
        double dang = 0; for (int v = 0; v < n; v++) dang += (double) r[v] * mask[v];
        double base = (1.0 - d) / n + d * dang / n;
        launch(n, [&] { pr_pull_f32(n, g.io.data(), g.is.data(), c.data(), nx.data(), (float) base, (float) d); });
        launch(n, [&] { pr_contrib_f32(n, g.oo.data(), nx.data(), c.data()); });
        swap(r, nx);
    }
    return r;
}
static bool close(double a, double b, double rel) { if (std::isinf(b) || b == 0) return a == b; return fabs(a - b) / fabs(b) <= rel; }

int main() {
    int cases = 0;
    for (int order = 0; order < 3; order++) {
        g_order = order;
        for (unsigned seed = 1; seed <= 6; seed++) {
            for (int dir = 0; dir < 2; dir++) {
                int n = seed % 2 ? 300 : 2000, m = seed % 3 == 0 ? n / 2 : n * 8;
                G g = make(n, m, dir == 0, seed * 10 + order);
                cases++;
                auto b1 = refBfs(g, 0), b2 = gpuBfs(g, 0);
                for (int v = 0; v < n; v++) CHECK(b1[v] == b2[v], "bfs seed %u dir %d v %d ref %d gpu %d", seed, dir, v, b1[v], b2[v]);
                auto w1 = refWcc(g), w2 = gpuWcc(g);
                for (int v = 0; v < n; v++) CHECK(w1[v] == w2[v], "wcc seed %u v %d ref %d gpu %d", seed, v, w1[v], w2[v]);
                auto s1 = refSssp(g, 1), s2 = gpuSssp(g, 1);
                for (int v = 0; v < n; v++) CHECK(close(s2[v], s1[v], 1e-9), "sssp seed %u v %d ref %f gpu %f", seed, v, s1[v], s2[v]);
                auto c1 = refCdlp(g, 5), c2 = gpuCdlp(g, 5);
                for (int v = 0; v < n; v++) CHECK(c1[v] == c2[v], "cdlp seed %u v %d ref %lld gpu %lld", seed, v, c1[v], c2[v]);
                auto t1 = refTri(g), t2 = gpuTri(g);
                for (int v = 0; v < n; v++) CHECK(t1[v] == t2[v], "tri seed %u dir %d v %d ref %lld gpu %lld", seed, dir, v, t1[v], t2[v]);
                auto l1 = refLcc(g), l2 = gpuLcc(g);
                for (int v = 0; v < n; v++) CHECK(close(l2[v], l1[v], 1e-12), "lcc seed %u dir %d v %d ref %f gpu %f", seed, dir, v, l1[v], l2[v]);
                auto p1 = refPr(g, 0.85, 20), p2 = gpuPr(g, 0.85, 20); auto p3 = gpuPr32(g, 0.85, 20);
                for (int v = 0; v < n; v++) { CHECK(close(p2[v], p1[v], 1e-12), "pr seed %u v %d ref %g gpu %g", seed, v, p1[v], p2[v]); CHECK(close(p3[v], p1[v], 1e-4), "pr32 seed %u v %d ref %g gpu %g", seed, v, p1[v], (double) p3[v]); }
                vector<long long> deg(n);
                launch(n, [&] { degree_count(n, g.oo.data(), g.io.data(), 1, g.directed ? 1 : 0, deg.data()); });
                for (int v = 0; v < n; v++) CHECK(deg[v] == (g.oo[v+1]-g.oo[v]) + (g.directed ? g.io[v+1]-g.io[v] : 0), "degree v %d", v);
            }
        }
    }
    printf("bottom-up steps %ld, switches back %ld\n", g_bu, g_collect);
    printf("%d graphs x 3 thread orders checked, %d failures\n", cases / 3, fails);
    return fails ? 1 : 0;
}
