"""Django's MD5 hasher (the fast one tests use), counting every hash it computes: a
refused sign-in must cost none."""

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingMD5PasswordHasher(MD5PasswordHasher):
    algorithm = "md5"  # stored hashes stay readable by Django's own MD5 hasher
    hashes = 0

    def encode(self, password, salt):
        type(self).hashes += 1
        return super().encode(password, salt)
