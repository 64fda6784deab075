package vn.danvan.support;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineServicesConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.SpringProcessWithCoverageEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.DanVanApplication;

/**
 * The application's own beans (every package under {@code vn.danvan}, as the application scans
 * them) on an engine for process tests: in-memory H2, audit history as in production, flow-node
 * coverage, no job executor (tests run jobs themselves). No web layer, no start-up runners, no
 * schedules, no Spring Boot auto-configuration but the mail sender's; beans are made when first
 * used. Settings: {@code process-tests.properties}.
 *
 * <p>Not a {@code @Configuration}: the application's own scan of {@code vn.danvan} would find it on
 * the test class path and add a second engine to every application a test starts.
 */
@ComponentScan(
    basePackageClasses = DanVanApplication.class,
    excludeFilters =
        @Filter(
            type = FilterType.ANNOTATION,
            classes = {SpringBootApplication.class, RestController.class, ControllerAdvice.class}))
@ImportAutoConfiguration(MailSenderAutoConfiguration.class)
@Import(SpringProcessEngineServicesConfiguration.class)
@PropertySource(value = "classpath:process-tests.properties", encoding = "UTF-8")
class ProcessTestApplication {

  /** Started once per test JVM, closed as it ends. */
  static ConfigurableApplicationContext start() {
    AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(ProcessTestApplication.class);
    context.registerShutdownHook();
    return context;
  }

  @Bean
  static LazyInitializationBeanFactoryPostProcessor lazyBeans() {
    return new LazyInitializationBeanFactoryPostProcessor();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource() {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
    dataSource.setUsername("sa");
    return dataSource;
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  /** The application's engine plugins, with Spin and the product's tables (no Liquibase here). */
  @Bean
  SpringProcessEngineConfiguration processEngineConfiguration(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      ObjectProvider<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration =
        new SpringProcessWithCoverageEngineConfiguration();
    configuration.setProcessEngineName("process-tests");
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactionManager);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("audit");
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setReevaluateTimeCycleWhenDue(true);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.getProcessEnginePlugins().add(new ProductSchemaPlugin());
    plugins.orderedStream().forEach(configuration.getProcessEnginePlugins()::add);
    return configuration;
  }

  @Bean
  ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
    ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
    factory.setProcessEngineConfiguration(configuration);
    return factory;
  }
}
