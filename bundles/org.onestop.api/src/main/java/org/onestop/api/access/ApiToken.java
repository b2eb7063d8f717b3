package org.onestop.api.access;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer token of an integration client (接口令牌), as administrators see it; its secret is never
 * shown again after issue.
 *
 * @param id           the token's public identifier
 * @param centerId     the center it acts in
 * @param departmentId the department it is limited to, or null for the whole center
 * @param name         what it is for, for example {@code 省政务服务平台数据交换}
 * @param scope        the permissions it carries
 * @param createdBy    the administrator who issued it
 * @param createdAt    when
 * @param expiresAt    when it stops working
 * @param revokedAt    when it was revoked, or null
 */
public record ApiToken(String id, String centerId, String departmentId, String name, Set<Permission> scope,
        String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public ApiToken {
        scope = Set.copyOf(scope);
    }
}
