package io.grapholap.rest.mapping;

import io.grapholap.application.mapping.GetMappingTree;
import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDiff;
import io.grapholap.domain.mapping.MappingVersion;
import io.grapholap.rest.mapping.DefinitionWebModels.EdgeDefinitionWebModel;
import io.grapholap.rest.mapping.DefinitionWebModels.NodeDefinitionWebModel;
import io.micronaut.core.annotation.Introspected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import io.swagger.v3.oas.annotations.media.Schema;

/** Mapping resources on the wire (snake_case through the server's JSON settings). */
final class MappingWebModels {

    private MappingWebModels() {
    }

    @Introspected
    record MappingWebModel(long id, String name, String description, String owner, int currentVersion,
                           List<NodeDefinitionWebModel> nodeDefinitions, List<EdgeDefinitionWebModel> edgeDefinitions,
                           String ttl, String inactivityTimeout, Instant createdAt, Instant updatedAt) {
        static MappingWebModel from(Mapping m) {
            return new MappingWebModel(m.id().value(), m.name(), m.description(), m.owner(), m.currentVersion(),
                    m.definition().nodes().stream().map(NodeDefinitionWebModel::from).toList(),
                    m.definition().edges().stream().map(EdgeDefinitionWebModel::from).toList(),
                    text(m.lifecycle().ttl()), text(m.lifecycle().inactivityTimeout()), m.createdAt(), m.updatedAt());
        }
    }

    @Introspected
    record MappingVersionWebModel(long mappingId, int version, String changeDescription, String createdBy, Instant createdAt,
                                  List<NodeDefinitionWebModel> nodeDefinitions, List<EdgeDefinitionWebModel> edgeDefinitions) {
        static MappingVersionWebModel from(MappingVersion v) {
            return new MappingVersionWebModel(v.mappingId().value(), v.version(), v.changeDescription(), v.createdBy(), v.createdAt(),
                    v.definition().nodes().stream().map(NodeDefinitionWebModel::from).toList(),
                    v.definition().edges().stream().map(EdgeDefinitionWebModel::from).toList());
        }
    }

    @Introspected
    record CreateMappingRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String description,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<NodeDefinitionWebModel> nodeDefinitions,
                                List<EdgeDefinitionWebModel> edgeDefinitions, String ttl, String inactivityTimeout) {
    }

    @Introspected
    record UpdateMappingRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String changeDescription, String name, String description,
                                List<NodeDefinitionWebModel> nodeDefinitions, List<EdgeDefinitionWebModel> edgeDefinitions) {
    }

    @Introspected
    record CopyMappingRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Introspected
    record LifecycleRequest(String ttl, String inactivityTimeout) {
    }

    @Introspected
    record DiffWebModel(long mappingId, int fromVersion, int toVersion, SummaryWebModel summary, ChangesWebModel changes) {
        static DiffWebModel from(long mappingId, MappingDiff d) {
            MappingDiff.Summary s = d.summary();
            return new DiffWebModel(mappingId, d.fromVersion(), d.toVersion(),
                    new SummaryWebModel(s.nodesAdded(), s.nodesRemoved(), s.nodesModified(),
                            s.edgesAdded(), s.edgesRemoved(), s.edgesModified()),
                    new ChangesWebModel(
                            d.nodes().stream().map(c -> new NodeChangeWebModel(c.key(), wire(c.type()), c.fieldsChanged(),
                                    c.before() == null ? null : NodeDefinitionWebModel.from(c.before()),
                                    c.after() == null ? null : NodeDefinitionWebModel.from(c.after()))).toList(),
                            d.edges().stream().map(c -> new EdgeChangeWebModel(c.key(), wire(c.type()), c.fieldsChanged(),
                                    c.before() == null ? null : EdgeDefinitionWebModel.from(c.before()),
                                    c.after() == null ? null : EdgeDefinitionWebModel.from(c.after()))).toList()));
        }
    }

    @Introspected
    record SummaryWebModel(int nodesAdded, int nodesRemoved, int nodesModified, int edgesAdded, int edgesRemoved, int edgesModified) {
    }

    @Introspected
    record ChangesWebModel(List<NodeChangeWebModel> nodes, List<EdgeChangeWebModel> edges) {
    }

    @Introspected
    record NodeChangeWebModel(String label, String changeType, List<String> fieldsChanged,
                              NodeDefinitionWebModel from, NodeDefinitionWebModel to) {
    }

    @Introspected
    record EdgeChangeWebModel(String type, String changeType, List<String> fieldsChanged,
                              EdgeDefinitionWebModel from, EdgeDefinitionWebModel to) {
    }

    @Introspected
    record TreeWebModel(long mappingId, String name, String owner, int currentVersion, List<VersionBranchWebModel> versions) {
        static TreeWebModel from(GetMappingTree.Tree t) {
            return new TreeWebModel(t.mapping().id().value(), t.mapping().name(), t.mapping().owner(), t.mapping().currentVersion(),
                    t.versions().stream().map(v -> new VersionBranchWebModel(v.version().version(), v.version().changeDescription(),
                            v.version().createdBy(), v.version().createdAt(), v.snapshots().size(),
                            v.snapshots().stream().map(SnapshotBranchWebModel::from).toList())).toList());
        }
    }

    @Introspected
    record VersionBranchWebModel(int version, String changeDescription, String createdBy, Instant createdAt, int snapshotCount,
                                 List<SnapshotBranchWebModel> snapshots) {
    }

    @Introspected
    record SnapshotBranchWebModel(long id, int mappingVersion, String name, String status, Instant createdAt, int instanceCount,
                                  List<InstanceLeafWebModel> instances) {
        static SnapshotBranchWebModel from(MappingDependencies.SnapshotBranch s) {
            return new SnapshotBranchWebModel(s.id(), s.mappingVersion(), s.name(), s.status(), s.createdAt(), s.instances().size(),
                    s.instances().stream().map(i -> new InstanceLeafWebModel(i.id(), i.name(), i.status(), i.engine(), i.createdAt())).toList());
        }
    }

    @Introspected
    record InstanceLeafWebModel(long id, String name, String status, String engine, Instant createdAt) {
    }

    private static String wire(MappingDiff.ChangeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
