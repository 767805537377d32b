# Language-independent URLs (no /<lang>/ prefix).
urlpatterns = []
