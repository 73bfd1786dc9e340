package io.openpmo.core;

import java.util.Properties;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets a mapper statement carry a PostgreSQL and an H2 variant where the SQL dialects differ. */
@Configuration
public class MyBatisConfiguration {

  @Bean
  public DatabaseIdProvider databaseIdProvider() {
    Properties vendors = new Properties();
    vendors.setProperty("PostgreSQL", "postgresql");
    vendors.setProperty("H2", "h2");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(vendors);
    return provider;
  }
}
