package io.grapholap.gremlin.csr;

import java.util.Collection;

import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.step.HasContainerHolder;
import org.apache.tinkerpop.gremlin.process.traversal.step.filter.HasStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.GraphStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.NoOpBarrierStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.HasContainer;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalHelper;
import org.apache.tinkerpop.gremlin.structure.T;

/**
 * Replaces each {@code V()}/{@code E()} with a {@link CsrGraphStep} and folds the {@code has(...)}
 * steps that directly follow it into that step, so that label, id and property filters are answered
 * from the columns instead of element by element.
 */
final class CsrGraphStepStrategy extends AbstractTraversalStrategy<TraversalStrategy.ProviderOptimizationStrategy>
        implements TraversalStrategy.ProviderOptimizationStrategy {

    private static final CsrGraphStepStrategy INSTANCE = new CsrGraphStepStrategy();

    private CsrGraphStepStrategy() {
    }

    static CsrGraphStepStrategy instance() {
        return INSTANCE;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void apply(Traversal.Admin<?, ?> traversal) {
        if (TraversalHelper.onGraphComputer(traversal)) {
            return;
        }
        for (GraphStep original : TraversalHelper.getStepsOfClass(GraphStep.class, traversal)) {
            CsrGraphStep<?, ?> step = new CsrGraphStep<>(original);
            TraversalHelper.replaceStep(original, step, traversal);
            Step<?, ?> current = step.getNextStep();
            while (current instanceof HasStep || current instanceof NoOpBarrierStep) {
                if (current instanceof HasStep) {
                    for (HasContainer hasContainer : ((HasContainerHolder) current).getHasContainers()) {
                        if (matchesNoId(hasContainer) || !GraphStep.processHasContainerIds(step, hasContainer)) {
                            step.addHasContainer(hasContainer);
                        }
                    }
                    TraversalHelper.copyLabels(current, current.getPreviousStep(), false);
                    traversal.removeStep(current);
                }
                current = current.getNextStep();
            }
        }
    }

    /**
     * {@code hasId([])} or {@code hasId(within([]))}: folded into the step's ids it would leave no id
     * at all, which means "every vertex"; kept as a filter it matches nothing, as it should.
     */
    private static boolean matchesNoId(HasContainer container) {
        return T.id.getAccessor().equals(container.getKey()) && container.getValue() instanceof Collection<?> c
                && c.isEmpty();
    }
}
