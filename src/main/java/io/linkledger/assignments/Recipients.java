package io.linkledger.assignments;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.linkledger.assignments.Assignments.AssignRequest;
import io.linkledger.members.Members;
import io.linkledger.projects.Projects;
import io.linkledger.shared.ProblemException;

/** Who an assignment request names: a project's members, or the listed ones (of the project, when one is given). */
@Component
class Recipients {

    /** Members checked per query, so ten thousand ids never make one giant statement. */
    private static final int CHUNK = 500;

    private final Members members;
    private final Projects projects;

    Recipients(Members members, Projects projects) {
        this.members = members;
        this.projects = projects;
    }

    /** The distinct member ids to assign, each checked to be the brand's; 400 when the request names none. */
    List<UUID> of(UUID brandId, AssignRequest request) {
        boolean listed = request.memberIds() != null && !request.memberIds().isEmpty();
        if (request.projectId() != null) {
            List<UUID> ids = projects.select(brandId, request.projectId(), request.memberIds());
            if (ids.isEmpty()) {
                throw ProblemException.invalid("projectId", "project " + request.projectId() + " has no members yet");
            }
            return ids;
        }
        if (!listed) {
            throw ProblemException.invalid("memberIds", "give memberIds, a projectId, or both");
        }
        for (int from = 0; from < request.memberIds().size(); from += CHUNK) {
            members.getAll(brandId, request.memberIds().subList(from, Math.min(request.memberIds().size(), from + CHUNK)));
        }
        return request.memberIds().stream().distinct().toList();
    }
}
