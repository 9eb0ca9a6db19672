package dev.hadoopkit.workflow.action;

import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;

/**
 * The user a driver main in a launcher container submits its jobs as: the container's user with the container's
 * credentials (HDFS delegation tokens, the engine's secrets) minus the launcher's own AMRMToken. A job inherits its
 * submitter's tokens, and an MR ApplicationMaster holding the launcher's AMRMToken next to its own may present the
 * wrong one to the ResourceManager (Oozie's LauncherAM drops it for the same reason).
 */
final class LauncherUser {
  private static final String AMRM_TOKEN_KIND = "YARN_AM_RM_TOKEN";

  private LauncherUser() {
  }

  static <T> T run(PrivilegedExceptionAction<T> action) throws IOException, InterruptedException {
    UserGroupInformation current = UserGroupInformation.getCurrentUser();
    Credentials own = current.getCredentials();
    Credentials kept = new Credentials();
    for (org.apache.hadoop.io.Text alias : own.getAllSecretKeys()) {
      kept.addSecretKey(alias, own.getSecretKey(alias));
    }
    for (Token<?> token : own.getAllTokens()) {
      if (!AMRM_TOKEN_KIND.equals(token.getKind().toString())) {
        kept.addToken(token.getService(), token);
      }
    }
    UserGroupInformation user = UserGroupInformation.createRemoteUser(current.getShortUserName());
    user.addCredentials(kept);
    return user.doAs(action);
  }
}
