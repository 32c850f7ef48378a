package io.grapholap.gremlin.csr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.CountGlobalStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.NoOpBarrierStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.VertexStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.RequirementsStep;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.traverser.TraverserRequirement;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalHelper;
import org.apache.tinkerpop.gremlin.structure.Vertex;

/**
 * Count push-down. A root traversal that starts {@code V()} (with folded filters), walks zero or more
 * unlabelled adjacency steps ({@code out/in/both}, with edge-label filters; the last one may be
 * {@code outE/inE/bothE}) and then counts, is replaced by one {@link CsrCountStep} that computes the
 * count on the CSR arrays: from the label ranges for {@code g.V().hasLabel(x).count()}, from edge
 * type sizes for {@code g.E().count()}, and by propagating per-vertex path counts hop by hop for
 * {@code g.V().out().out().count()} — the number of traversers TinkerPop would have counted, without
 * making a single element.
 */
final class CsrCountStrategy extends AbstractTraversalStrategy<TraversalStrategy.ProviderOptimizationStrategy>
        implements TraversalStrategy.ProviderOptimizationStrategy {

    private static final CsrCountStrategy INSTANCE = new CsrCountStrategy();

    private CsrCountStrategy() {
    }

    static CsrCountStrategy instance() {
        return INSTANCE;
    }

    @Override
    public Set<Class<? extends ProviderOptimizationStrategy>> applyPrior() {
        return Set.of(CsrGraphStepStrategy.class);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void apply(Traversal.Admin<?, ?> traversal) {
        if (!traversal.isRoot() || TraversalHelper.onGraphComputer(traversal) || oneBulk(traversal)) {
            return;
        }
        List<Step> steps = traversal.getSteps();
        if (steps.isEmpty() || !(steps.get(0) instanceof CsrGraphStep start) || !start.isStartStep()
                || !start.getLabels().isEmpty()) {
            return;
        }
        List<CsrCountStep.Hop> hops = new ArrayList<>();
        boolean endsWithEdges = false;
        int i = 1;
        for (; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof NoOpBarrierStep && step.getLabels().isEmpty()) {
                continue;
            }
            if (step instanceof VertexStep vs && step.getLabels().isEmpty() && !endsWithEdges && start.returnsVertex()) {
                hops.add(new CsrCountStep.Hop(vs.getDirection(), vs.getEdgeLabels()));
                endsWithEdges = !Vertex.class.isAssignableFrom(vs.getReturnClass());
                continue;
            }
            break;
        }
        if (i >= steps.size() || !(steps.get(i) instanceof CountGlobalStep count)) {
            return;
        }
        CsrCountStep<?> replacement = new CsrCountStep<>(traversal, start, hops);
        count.getLabels().forEach(label -> replacement.addLabel((String) label));
        for (int k = i; k >= 0; k--) {
            traversal.removeStep(k);
        }
        traversal.addStep(0, replacement);
    }

    /**
     * Whether {@code withBulk(false)} asked for every traverser to count once. Read from the
     * requirement steps rather than {@code getTraverserRequirements()}, which would cache the
     * requirements of a traversal that later strategies still change.
     */
    private static boolean oneBulk(Traversal.Admin<?, ?> traversal) {
        for (RequirementsStep<?> step : TraversalHelper.getStepsOfClass(RequirementsStep.class, traversal)) {
            if (step.getRequirements().contains(TraverserRequirement.ONE_BULK)) {
                return true;
            }
        }
        return false;
    }
}
