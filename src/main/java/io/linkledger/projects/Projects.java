package io.linkledger.projects;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

@Service
public class Projects {

    private final ProjectRepository repository;
    private final Members members;
    private final Ids ids;
    private final Clock clock;

    public Projects(ProjectRepository repository, Members members, Ids ids, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Project create(UUID brandId, String name) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(name), "name", "is required");
        v.check(name == null || name.trim().length() <= 200, "name", "must be at most 200 characters");
        v.throwIfInvalid();
        UUID id = ids.next();
        repository.insert(id, brandId, name.trim(), clock.instant());
        return get(brandId, id);
    }

    public Project get(UUID brandId, UUID projectId) {
        return repository.find(projectId)
                .filter(project -> project.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Project", projectId));
    }

    public Page<Project> list(UUID brandId, int limit, int offset) {
        return new Page<>(repository.list(brandId, limit, offset), repository.count(brandId), limit, offset);
    }

    /** Every member id in the project, in the order they joined. */
    public List<UUID> memberIds(UUID brandId, UUID projectId) {
        get(brandId, projectId);
        return repository.memberIds(projectId);
    }

    /**
     * The project's members, or only {@code memberIds} of them when given; each of those must
     * be in the project (a 400 problem names the ones that are not).
     */
    public List<UUID> select(UUID brandId, UUID projectId, List<UUID> memberIds) {
        List<UUID> all = memberIds(brandId, projectId);
        if (memberIds == null || memberIds.isEmpty()) {
            return all;
        }
        Set<UUID> inProject = new HashSet<>(all);
        List<String> outside = memberIds.stream().filter(id -> !inProject.contains(id)).distinct().limit(10)
                .map(UUID::toString).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.invalid("memberIds", "not members of project " + projectId + ": "
                    + String.join(", ", outside));
        }
        return memberIds.stream().distinct().toList();
    }

    public Page<Member> members(UUID brandId, UUID projectId, int limit, int offset) {
        Project project = get(brandId, projectId);
        List<UUID> page = repository.memberIds(projectId, limit, offset);
        Map<UUID, Member> byId = members.getAll(brandId, page).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        return new Page<>(page.stream().map(byId::get).toList(), project.memberCount(), limit, offset);
    }

    /** Adds members; those already in the project stay as they are. Returns how many were added. */
    @Transactional
    public int addMembers(UUID brandId, UUID projectId, List<UUID> memberIds) {
        get(brandId, projectId);
        if (memberIds == null || memberIds.isEmpty()) {
            throw ProblemException.invalid("memberIds", "must list at least one member id");
        }
        members.getAll(brandId, memberIds);
        return repository.addMembers(projectId, memberIds, clock.instant());
    }

    @Transactional
    public void removeMember(UUID brandId, UUID projectId, UUID memberId) {
        get(brandId, projectId);
        if (!repository.removeMember(projectId, memberId)) {
            throw ProblemException.notFound("Project member", memberId);
        }
    }
}
