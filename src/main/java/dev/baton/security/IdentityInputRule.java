package dev.baton.security;

import dev.baton.gate.CommandFields;
import dev.baton.gate.SubmissionRejectedException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Users, groups and memberships (Camunda Admin and /engine-rest/user, /group): an id Camunda
 * would refuse, or a password that breaks the policy, is answered 400 naming the field and the
 * rule (Camunda itself answers 500). And camunda-admin never loses its last member: removing it
 * would lock every administrator out with no way back but SQL.
 */
class IdentityInputRule implements CommandRule {

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
        if (command instanceof SaveUserCmd) {
            User user = (User) CommandFields.read(command, "user");
            if (user != null) {
                checkId("id", "user", user.getId(), configuration.getUserResourceWhitelistPattern(), configuration);
                checkPassword(user, command, context);
            }
        } else if (command instanceof SaveGroupCmd) {
            Group group = (Group) CommandFields.read(command, "group");
            if (group != null) {
                checkId("id", "group", group.getId(), configuration.getGroupResourceWhitelistPattern(), configuration);
            }
        } else if (command instanceof SaveTenantCmd) {
            Tenant tenant = (Tenant) CommandFields.read(command, "tenant");
            if (tenant != null) {
                checkId("id", "tenant", tenant.getId(), configuration.getTenantResourceWhitelistPattern(), configuration);
            }
        } else if (command instanceof DeleteMembershipCmd) {
            if (Groups.CAMUNDA_ADMIN.equals(CommandFields.text(command, "groupId"))) {
                keepAnAdministrator(CommandFields.text(command, "userId"), context);
            }
        } else if (command instanceof DeleteUserCmd) {
            keepAnAdministrator(CommandFields.text(command, "userId"), context);
        } else if (command instanceof DeleteGroupCmd && Groups.CAMUNDA_ADMIN.equals(CommandFields.text(command, "groupId"))) {
            throw new BadUserRequestException("group " + Groups.CAMUNDA_ADMIN + " cannot be deleted: Baton's administrators "
                    + "are its members");
        }
    }

    private static void checkId(String field, String kind, String id, String pattern, ProcessEngineConfigurationImpl configuration) {
        String effective = pattern != null && !pattern.isEmpty() ? pattern : configuration.getGeneralResourceWhitelistPattern();
        if (id == null || id.isBlank()) {
            throw new SubmissionRejectedException(field, "a " + kind + " needs an id");
        }
        if (effective != null && !Pattern.compile(effective).matcher(id).matches()) {
            throw new SubmissionRejectedException(field, "'" + abbreviate(id) + "' is not a valid " + kind + " id: use letters and digits"
                    + (kind.equals("group") ? ", words joined by single hyphens" : "") + " (pattern " + effective + ")");
        }
    }

    private static void checkPassword(User user, Command<?> command, CommandContext context) {
        if (!(user instanceof UserEntity entity) || !entity.hasNewPassword() || CommandFields.flag(command, "skipPasswordPolicy")
                || !context.getProcessEngineConfiguration().isEnablePasswordPolicy()) {
            return;
        }
        String password = CommandFields.text(entity, "newPassword");
        PasswordPolicyResult result = context.getProcessEngineConfiguration().getIdentityService()
                .checkPasswordAgainstPolicy(password, user);
        if (!result.isValid()) {
            throw new SubmissionRejectedException("password", "does not meet the password policy: "
                    + result.getViolatedRules().stream().map(IdentityInputRule::describe).collect(Collectors.joining("; ")));
        }
    }

    private static String describe(PasswordPolicyRule rule) {
        String p = rule.getPlaceholder();
        String minLength = rule.getParameters() == null ? null : rule.getParameters().values().stream().findFirst().orElse(null);
        return switch (p) {
            case "PASSWORD_POLICY_LENGTH" -> "at least " + minLength + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "at least " + minLength + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "at least " + minLength + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "at least " + minLength + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "at least " + minLength + " special character(s)";
            case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user's id, first or last name or e-mail";
            default -> p;
        };
    }

    private static void keepAnAdministrator(String userId, CommandContext context) {
        if (userId == null) {
            return;
        }
        List<User> admins = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createUserQuery()
                .memberOfGroup(Groups.CAMUNDA_ADMIN).listPage(0, 2));
        if (admins.size() == 1 && admins.get(0).getId().equals(userId)) {
            throw new BadUserRequestException("user '" + userId + "' is the last member of " + Groups.CAMUNDA_ADMIN
                    + ": add another administrator first, or nobody could administer Baton any more");
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }
}
