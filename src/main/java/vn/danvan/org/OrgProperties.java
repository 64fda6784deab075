package vn.danvan.org;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code danvan.org.*}.
 *
 * @param registry location of the registry YAML ({@code classpath:…} or {@code file:…})
 * @param initialPassword password for accounts the sync creates; set only in the demo profile —
 *     elsewhere accounts are created without a password and an administrator sets it
 */
@ConfigurationProperties("danvan.org")
public record OrgProperties(String registry, String initialPassword) {}
