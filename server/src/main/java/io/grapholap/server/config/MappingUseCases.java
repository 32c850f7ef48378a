package io.grapholap.server.config;

import io.grapholap.application.favorite.AddFavorite;
import io.grapholap.application.favorite.FavoriteRepository;
import io.grapholap.application.favorite.ListFavorites;
import io.grapholap.application.favorite.MappingNames;
import io.grapholap.application.favorite.RemoveFavorite;
import io.grapholap.application.favorite.ResourceNames;
import io.grapholap.application.mapping.CopyMapping;
import io.grapholap.application.mapping.CreateMapping;
import io.grapholap.application.mapping.DeleteMapping;
import io.grapholap.application.mapping.DiffMappingVersions;
import io.grapholap.application.mapping.GetMapping;
import io.grapholap.application.mapping.GetMappingTree;
import io.grapholap.application.mapping.GetMappingVersion;
import io.grapholap.application.mapping.ListMappingVersions;
import io.grapholap.application.mapping.ListMappings;
import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.mapping.SetMappingLifecycle;
import io.grapholap.application.mapping.SourceDatabase;
import io.grapholap.application.mapping.UpdateMapping;
import io.grapholap.application.mapping.ValidateAgainstSource;
import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.schema.BrowseSchema;
import io.grapholap.application.schema.RefreshSchemaCache;
import io.grapholap.application.schema.SchemaCache;
import io.grapholap.application.schema.SourceCatalog;
import io.grapholap.server.settings.SchemaProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the mapping, schema-discovery and favorite use cases. {@link MappingDependencies} is a
 * stand-in reporting no snapshots until a snapshot store provides the real one (which wins over
 * this {@link Secondary} bean).
 */
@Factory
final class MappingUseCases {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    @Secondary
    MappingDependencies noMappingDependencies() {
        return MappingDependencies.NONE;
    }

    @Singleton
    ValidateAgainstSource validateAgainstSource(SourceDatabase source) {
        return new ValidateAgainstSource(source);
    }

    @Singleton
    ListMappings listMappings(MappingRepository repository) {
        return new ListMappings(repository);
    }

    @Singleton
    GetMapping getMapping(MappingRepository repository) {
        return new GetMapping(repository);
    }

    @Singleton
    CreateMapping createMapping(MappingRepository repository, ValidateAgainstSource validation) {
        return new CreateMapping(repository, validation, CLOCK);
    }

    @Singleton
    UpdateMapping updateMapping(MappingRepository repository, ValidateAgainstSource validation) {
        return new UpdateMapping(repository, validation, CLOCK);
    }

    @Singleton
    ListMappingVersions listMappingVersions(MappingRepository repository) {
        return new ListMappingVersions(repository);
    }

    @Singleton
    GetMappingVersion getMappingVersion(MappingRepository repository) {
        return new GetMappingVersion(repository);
    }

    @Singleton
    DiffMappingVersions diffMappingVersions(MappingRepository repository) {
        return new DiffMappingVersions(repository);
    }

    @Singleton
    CopyMapping copyMapping(MappingRepository repository) {
        return new CopyMapping(repository, CLOCK);
    }

    @Singleton
    DeleteMapping deleteMapping(MappingRepository repository, MappingDependencies dependencies) {
        return new DeleteMapping(repository, dependencies);
    }

    @Singleton
    SetMappingLifecycle setMappingLifecycle(MappingRepository repository) {
        return new SetMappingLifecycle(repository, CLOCK);
    }

    @Singleton
    GetMappingTree getMappingTree(MappingRepository repository, MappingDependencies dependencies) {
        return new GetMappingTree(repository, dependencies);
    }

    @Singleton
    SchemaCache schemaCache(SourceCatalog catalog) {
        return new SchemaCache(catalog, CLOCK);
    }

    @Singleton
    BrowseSchema browseSchema(SchemaCache cache) {
        return new BrowseSchema(cache);
    }

    @Singleton
    RefreshSchemaCache refreshSchemaCache(SchemaCache cache) {
        return new RefreshSchemaCache(cache);
    }

    @Singleton
    BackgroundJob schemaRefreshJob(RefreshSchemaCache refresh, SchemaProperties schema) {
        return new SchemaRefreshJob(refresh, schema.refreshInterval());
    }

    @Singleton
    ResourceNames mappingNames(MappingRepository repository) {
        return new MappingNames(repository);
    }

    @Singleton
    ListFavorites listFavorites(FavoriteRepository repository, List<ResourceNames> names) {
        return new ListFavorites(repository, names);
    }

    @Singleton
    AddFavorite addFavorite(FavoriteRepository repository, List<ResourceNames> names) {
        return new AddFavorite(repository, names, CLOCK);
    }

    @Singleton
    RemoveFavorite removeFavorite(FavoriteRepository repository) {
        return new RemoveFavorite(repository);
    }
}
