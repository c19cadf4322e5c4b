from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from naober.accounts.services import user_create_platform_admin


class Command(BaseCommand):
    help = "Create a platform administrator, or reset the password of an existing one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True, help="sign-in name")
        parser.add_argument("--email", default="", help="e-mail address")
        parser.add_argument("--password", help="password (asked for when left out; at least 12 characters)")

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"]
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        user_model = get_user_model()
        try:
            validate_password(password, user_model(username=options["username"], email=options["email"]))
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from error
        user, created = user_create_platform_admin(
            username=options["username"], email=options["email"], password=password
        )
        verb = "created" if created else "updated"
        self.stdout.write(f"Platform administrator {user.get_username()} {verb}.")
