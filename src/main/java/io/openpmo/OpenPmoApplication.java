package io.openpmo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OpenPmoApplication {
  public static void main(String[] args) {
    SpringApplication.run(OpenPmoApplication.class, args);
  }
}
