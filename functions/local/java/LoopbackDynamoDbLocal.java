import java.lang.reflect.Field;

/**
 * Starts Amazon's DynamoDB Local exactly as its own main class does (same command-line options),
 * except that its Jetty server listens on 127.0.0.1 instead of every network interface: DynamoDB
 * Local has no option for that, and it answers anyone who can reach it without checking
 * credentials. DynamoDBProxyServer creates its Jetty Server, with one connector for the port, in
 * its constructor and binds only in start(), so the connector's host is set in between.
 *
 * Only reflection is used, so compiling this file needs nothing from DynamoDB Local's class path
 * (a second instead of several); it is compiled once per version of this file (dynamodb-local.ts).
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    Field field = proxy.getClass().getDeclaredField("server");
    field.setAccessible(true);
    Object jetty = field.get(proxy);
    Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local created no connector to bind to 127.0.0.1");
    }
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    }
    proxy.getClass().getMethod("start").invoke(proxy);
  }
}
