from django.contrib.auth import views as auth_views
from django.urls import path

from naober.accounts.views import account, sign_in

urlpatterns = [
    path("aanmelden/", sign_in.SignInView.as_view(), name="login"),
    path("aanmelden/verificatie/", sign_in.verify, name="otp-verify"),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", account.account, name="account"),
    path("account/tweestapsverificatie/", sign_in.enrol, name="otp-enrol"),
    path("account/tweestapsverificatie/uitzetten/", account.second_factor_remove, name="otp-remove"),
    path("account/herstelcodes/", account.recovery_codes_renew, name="otp-recovery-codes"),
    path("account/wachtwoord/", account.AccountPasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-vergeten/", account.QueuedPasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verzonden/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        account.UnlockingPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
