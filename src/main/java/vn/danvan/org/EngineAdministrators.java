package vn.danvan.org;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The administrators of a database the other engine build used. Camunda's administrators are the
 * group {@code camunda-admin}, Operaton's {@code operaton-admin}: the engine lets the members of
 * its own group do everything, and the Spring Boot starter puts the configured administrator into
 * it only when it creates the account. When one build takes over a database the other made, the
 * members of the other build's group join this build's ({@link Role#ADMIN}) as the engine starts,
 * before the web server answers: the administrators stay administrators, and Admin's page for
 * creating a first administrator stays closed. The other group and its authorizations are left as
 * they are. On a database only one build used the other group does not exist: nothing changes.
 */
@Component
class EngineAdministrators extends AbstractProcessEnginePlugin {

  /**
   * The administrators' groups of both engines, spelt so that the Operaton build's rewriting of
   * Camunda's group name leaves both.
   */
  static final List<String> GROUPS = List.of("camunda" + "-admin", "operaton" + "-admin");

  private static final Logger LOG = LoggerFactory.getLogger(EngineAdministrators.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    String own = Role.ADMIN.groupId();
    for (String other : GROUPS) {
      if (other.equals(own)) {
        continue;
      }
      List<User> members = identity.createUserQuery().memberOfGroup(other).list();
      if (members.isEmpty()) {
        continue;
      }
      if (identity.createGroupQuery().groupId(own).count() == 0) {
        Group group = identity.newGroup(own);
        group.setName(Role.ADMIN.groupName());
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        identity.saveGroup(group);
      }
      Set<String> already = new HashSet<>();
      identity.createUserQuery().memberOfGroup(own).list().forEach(u -> already.add(u.getId()));
      for (User member : members) {
        if (already.add(member.getId())) {
          identity.createMembership(member.getId(), own);
          LOG.info("Quản trị {} của nhóm {} vào nhóm {}", member.getId(), other, own);
        }
      }
    }
  }
}
