// The offline verifier (README, "Verifying a published statement"): the checking lives in
// LogVerifier, so the tests call it directly; this only runs it on the command line.
return Deliberation.Verify.VerifyCommand.Run(args, Console.Out, Console.Error);
