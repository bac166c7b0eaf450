package io.linkledger.web;

import io.linkledger.projects.Project;
import io.linkledger.shared.Page;

/** The projects list: one page of projects, and the New project form as it was sent. */
public record ProjectListView(Page<Project> projects, String name, FormErrors errors) {
}
