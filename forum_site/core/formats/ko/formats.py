# Django's Korean DATETIME_FORMAT puts 오전/오후 after the time ("7:30 오전"); Korean writes
# it first, as Django's own Korean TIME_FORMAT does ("오전 7:30"). What is not set here stays
# Django's (django/conf/locale/ko/formats.py).
DATETIME_FORMAT = "Y년 n월 j일 A g:i"
