"""The demo's made-up attendance (attendance.py): registrations and check-ins for the
demo's forums, loaded by `manage.py load_demo_attendance`. No production module imports
it; it writes its history as it stands, not lived through the services."""
