package io.linkledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LinkledgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LinkledgerApplication.class, args);
    }
}
