package io.linkledger.brands;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    record NewUser(String email, String password, Role role) {
    }

    /** Fields left out stay as they are; a new role, disabling or a new password ends the user's sessions. */
    record UserChange(Role role, Boolean disabled, String password) {
    }

    @GetMapping
    List<User> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return users.list(caller.brandId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    User create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody NewUser request) {
        return users.create(caller.brandId(), request.email(), request.password(), request.role());
    }

    @PatchMapping("/{id}")
    User update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody UserChange change) {
        return users.update(caller.brandId(), id, change.role(), change.disabled(), change.password());
    }
}
