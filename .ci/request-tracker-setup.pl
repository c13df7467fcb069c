#!/usr/bin/perl
# Creates what the bot's RequestTracker tests need in a local RT, idempotently: two queues, the
# custom field the bot keeps its idempotency key in, the bot's user with an auth token, and an
# agent who replies. Writes the token and the agent's login to files in the directory given.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT;
RT::LoadConfig();
RT::Init();

my $state = shift or die "usage: $0 STATE_DIR\n";
my $system = RT->SystemUser;

sub ok { my ($what, $ok, $msg) = @_; die "$what: $msg\n" unless $ok; }

sub read_file { my $f = shift; return undef unless -s $f; open my $fh, '<', $f or die; local $/; my $s = <$fh>; chomp $s; return $s; }
sub write_file { my ($f, $s) = @_; open my $fh, '>', $f or die "$f: $!"; print $fh $s; close $fh; chmod 0600, $f; }
sub random_text { my @c = ('a'..'z', 'A'..'Z', 0..9); return join '', map { $c[rand @c] } 1..24; }

# Queues: RT's own "General" is the default; "Identity" is where account tickets are mapped.
for my $name ('General', 'Identity') {
  my $queue = RT::Queue->new($system);
  $queue->Load($name);
  next if $queue->Id;
  ok("queue $name", $queue->Create(Name => $name, Description => "Tier 1: $name"));
}

# The bot's idempotency key: RT has none of its own, so the bot stores its key here and searches
# for it before creating a ticket.
my $cf = RT::CustomField->new($system);
$cf->LoadByName(Name => 'TierZero Key', LookupType => RT::Ticket->CustomFieldLookupType);
unless ($cf->Id) {
  ok('custom field', $cf->Create(
    Name => 'TierZero Key', Type => 'Freeform', MaxValues => 1,
    LookupType => RT::Ticket->CustomFieldLookupType,
    Description => 'Idempotency key of the Tier Zero ticket this was raised from'));
}
unless ($cf->IsGlobal) {
  ok('custom field applied to all queues', $cf->AddToObject(RT::Queue->new($system)));
}

my @rights = qw(SeeQueue ShowTicket CreateTicket ModifyTicket ReplyToTicket CommentOnTicket
  ShowTicketComments OwnTicket SeeCustomField ModifyCustomField ShowOutgoingEmail);

sub user {
  my ($name, $email, $real, $password) = @_;
  my $user = RT::User->new($system);
  $user->Load($name);
  unless ($user->Id) {
    ok("user $name", $user->Create(Name => $name, EmailAddress => $email, RealName => $real, Privileged => 1));
  }
  # Set on every run: a hash made at an earlier bcrypt cost stays that slow until then.
  if (defined $password) {
    ok("password of $name", $user->SetPassword($password));
  }
  for my $right (@rights) {
    next if $user->PrincipalObj->HasRight(Right => $right, Object => RT->System);
    ok("$right for $name", $user->PrincipalObj->GrantRight(Right => $right, Object => RT->System));
  }
  return $user;
}

my $bot = user('tierzero', 'tierzero-bot@tierzero.test', 'Tier Zero', undef);
unless (read_file("$state/bot.token")) {
  # RT checks a token against each of its user's tokens in turn, with bcrypt: earlier tokens,
  # whose text is lost anyway, would only make every request slower.
  my $old = RT::AuthTokens->new($system);
  $old->LimitOwner(VALUE => $bot->Id);
  while (my $each = $old->Next) { ok('old auth token removed', $each->Delete); }
  my $token = RT::AuthToken->new($system);
  my ($id, $msg, $auth) = $token->Create(Owner => $bot->Id, Description => 'Tier Zero ticket sink');
  ok('auth token', $id, $msg);
  write_file("$state/bot.token", $auth);
}

my $agent_password = read_file("$state/agent.password") // random_text();
user('tier1', 'tier1-agent@tierzero.test', 'Tier One Agent', $agent_password);
write_file("$state/agent.password", $agent_password);
write_file("$state/agent.login", "tier1:$agent_password");
print STDERR "request-tracker: ready\n";
