package io.grapholap.application.udf;

import io.grapholap.application.common.Page;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.domain.udf.UserFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** UDFs and organisation settings in memory, with the repository rules the use cases rely on (unique alias per org). */
final class InMemoryFunctions implements FunctionRepository, OrganizationSettingsRepository {

    final Map<String, UserFunction> functions = new LinkedHashMap<>();
    final Map<String, Set<String>> imports = new LinkedHashMap<>();
    private final Map<String, OrganizationSettings> settings = new LinkedHashMap<>();

    @Override
    public synchronized UserFunction create(UserFunction f, Set<String> libs) {
        checkAlias(f);
        functions.put(f.uuid(), f);
        imports.put(f.uuid(), Set.copyOf(libs));
        return f;
    }

    @Override
    public synchronized UserFunction update(UserFunction f, Set<String> libs) {
        if (!functions.containsKey(f.uuid())) {
            throw new NotFoundException("function", f.name());
        }
        checkAlias(f);
        functions.put(f.uuid(), f);
        imports.put(f.uuid(), Set.copyOf(libs));
        return f;
    }

    private void checkAlias(UserFunction f) {
        if (f.alias() != null && functions.values().stream().anyMatch(o -> !o.uuid().equals(f.uuid())
                && o.organization().equals(f.organization()) && f.alias().equals(o.alias()))) {
            throw new ConflictException("alias " + f.alias() + " is taken");
        }
    }

    @Override
    public synchronized Optional<UserFunction> find(String organization, String uuidOrAlias) {
        return functions.values().stream().filter(f -> f.organization().equals(organization)
                && (f.uuid().equalsIgnoreCase(uuidOrAlias) || uuidOrAlias.equals(f.alias()))).findFirst();
    }

    @Override
    public synchronized Set<String> imports(String uuid) {
        return imports.getOrDefault(uuid, Set.of());
    }

    @Override
    public synchronized boolean delete(String uuid) {
        imports.remove(uuid);
        return functions.remove(uuid) != null;
    }

    @Override
    public synchronized Page<UserFunction> list(String organization, String language, String editableBy, int offset, int limit) {
        List<UserFunction> all = functions.values().stream()
                .filter(f -> f.organization().equals(organization) && f.type().equals(language))
                .filter(f -> editableBy == null || f.canEdit(editableBy))
                .sorted(Comparator.comparing(UserFunction::createdAt)).toList();
        return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())), all.size(), offset, limit);
    }

    @Override
    public synchronized List<String> importersOf(String library, String organization, int limit) {
        List<String> out = new ArrayList<>();
        functions.values().stream().filter(f -> imports.get(f.uuid()).contains(library))
                .filter(f -> organization == null || f.organization().equals(organization))
                .limit(limit).forEach(f -> out.add(f.organization() + "/" + f.name()));
        return out;
    }

    @Override
    public synchronized OrganizationSettings find(String organization) {
        return settings.getOrDefault(organization, OrganizationSettings.defaults(organization));
    }

    @Override
    public synchronized OrganizationSettings save(OrganizationSettings s) {
        settings.put(s.organization(), s);
        return s;
    }
}
