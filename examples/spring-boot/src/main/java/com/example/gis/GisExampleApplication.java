package com.example.gis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole application: Spring Boot, camel-spring-boot and gis-camel-routes' auto-configuration do the wiring;
 * the configuration is in application.yaml and the routes in camel/gis-example.camel.yaml.
 */
@SpringBootApplication
public class GisExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(GisExampleApplication.class, args);
    }
}
