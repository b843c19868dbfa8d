/**
 * A log4j2 configuration for the broker: everything from INFO up goes to `logFile` (rolled at
 * 10 MB, two files kept), and only WARN and above reach the console, which the stack prints
 * prefixed among the apps' logs; there, exceptions are cut to their message (traces stay in the file).
 */
export function kafkaLog4jConfig(logFile: string): string {
  const file = escapeXml(logFile);
  // shutdownHook="disable": otherwise log4j prints a status warning when Kafka logs during JVM
  // shutdown; the file appender flushes every event anyway.
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tools/infra/kafka on every start; edits here are overwritten. -->
<Configuration status="WARN" shutdownHook="disable">
  <Appenders>
    <Console name="console" target="SYSTEM_OUT">
      <ThresholdFilter level="WARN" onMatch="ACCEPT" onMismatch="DENY"/>
      <PatternLayout pattern="%p %c{1}: %m%notEmpty{ (%throwable{short.message})}%n" alwaysWriteExceptions="false"/>
    </Console>
    <RollingFile name="file" fileName="${file}" filePattern="${file}.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%notEmpty{: %throwable{short.message}}%n%throwable" alwaysWriteExceptions="false"/>
      <SizeBasedTriggeringPolicy size="10MB"/>
      <DefaultRolloverStrategy max="2"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <!-- Routine warnings on every fresh start and every shutdown of a one-node cluster: keep them
         in the file, off the console. -->
    <Logger name="org.apache.kafka.controller.QuorumController" level="INFO" additivity="false">
      <AppenderRef ref="file"/>
      <AppenderRef ref="console" level="ERROR"/>
    </Logger>
    <Logger name="org.apache.kafka.clients.NetworkClient" level="INFO" additivity="false">
      <AppenderRef ref="file"/>
      <AppenderRef ref="console" level="ERROR"/>
    </Logger>
    <Root level="INFO">
      <AppenderRef ref="console"/>
      <AppenderRef ref="file"/>
    </Root>
  </Loggers>
</Configuration>
`;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
