"""The one kind of error a registration rule raises: a translated message for the person
or the staff member, and a code for tests and callers that decide by case."""


class RegistrationError(Exception):
    """A registration rule said no; the message is for the person, translated."""

    def __init__(self, message, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
