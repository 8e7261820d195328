package nl.horizon.app.web;

import nl.horizon.schema.Classification;

import java.util.Set;

/**
 * Who is asking, and what they may see and do. A request without credentials is anonymous: no roles,
 * public clearance, so no classified report can reach it.
 *
 * @param name      the account name
 * @param roles     what it may do
 * @param clearance the highest classification it may see
 */
public record Caller(String name, Set<Role> roles, Classification clearance) {

    public static Caller anonymous() {
        return new Caller("anonymous", Set.of(), Classification.PUBLIC);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
