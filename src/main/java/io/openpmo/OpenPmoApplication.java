package io.openpmo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OpenPmoApplication {

  static {
    // The engine asks DatatypeFactory.newInstance() for every due date and timer it resolves ("P5D"); without this
    // property each call searches the whole class path for a provider (ServiceLoader over every jar of the boot
    // jar), which was 3% of a submission's CPU. Naming the JDK's own implementation, which that search finds
    // (no library here provides another), makes the answer the same and the lookup free.
    if (System.getProperty("javax.xml.datatype.DatatypeFactory") == null) {
      System.setProperty("javax.xml.datatype.DatatypeFactory",
          "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(OpenPmoApplication.class, args);
  }
}
