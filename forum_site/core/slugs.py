"""Slugs staff may leave empty: made on save from the title or name, in Korean as in
English ("인공지능과 산업혁신" → 인공지능과-산업혁신), and numbered (-2, -3) when taken.

The admin's own slug filler (prepopulated_fields) runs in the browser and keeps only
Latin letters, so a Korean title became "ai" or nothing at all; this one runs on save,
with Django's slugify.
"""

from django.db import models
from django.utils.text import slugify


class SlugFromField(models.SlugField):
    """A SlugField filled on save, when empty, from the instance's attribute
    `populate_from`, unique among the rows sharing the fields `unique_within` (all rows
    if none)."""

    max_length: int  # SlugField's default is 50: never None
    allow_unicode: bool  # set by SlugField.__init__, which django-stubs does not declare

    def __init__(self, *args, populate_from: str = "", unique_within: tuple = (), **kwargs):
        self.populate_from = populate_from
        self.unique_within = tuple(unique_within)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["populate_from"] = self.populate_from
        if self.unique_within:
            kwargs["unique_within"] = self.unique_within
        return name, path, args, kwargs

    # django-stubs gives SlugField the base Field's positional signature; Django's own
    # SlugField.formfield() takes keywords only, as this one does.
    def formfield(self, **kwargs):  # type: ignore[override]
        # Empty is None, not "": two new talks left without a slug in one form are not
        # "the same slug twice", and the unique checks leave them to pre_save.
        return super().formfield(**{"empty_value": None, **kwargs})

    def pre_save(self, instance, add):
        if not getattr(instance, self.attname):
            setattr(instance, self.attname, self.unique_slug(instance))
        return super().pre_save(instance, add)

    def unique_slug(self, instance) -> str:
        base = slugify(getattr(instance, self.populate_from), allow_unicode=self.allow_unicode)
        base = base[: self.max_length].strip("-") or instance._meta.model_name
        scope = {
            attname: getattr(instance, attname)
            for attname in (instance._meta.get_field(field).attname for field in self.unique_within)
        }
        # One query for every slug that a number could collide with (a long base is cut).
        taken = set(
            type(instance)
            ._default_manager.filter(**scope)
            .exclude(pk=instance.pk)
            .filter(**{f"{self.attname}__startswith": base[: self.max_length - 6]})
            .values_list(self.attname, flat=True)
        )
        candidate, number = base, 2
        while candidate in taken:
            suffix = f"-{number}"
            candidate = base[: self.max_length - len(suffix)] + suffix
            number += 1
        return candidate
