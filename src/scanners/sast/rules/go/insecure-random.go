package auth

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"time"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func GenerateResetToken(n int) string {
	b := make([]byte, n)
	for i := range b {
		// ruleid: sast/go-insecure-random
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

type Mailer struct{ from string }

func (m *Mailer) newOTP() string {
	// ruleid: sast/go-insecure-random
	return fmt.Sprintf("%06d", rand.Intn(1000000))
}

func issueSession(userID int) string {
	buf := make([]byte, 16)
	// ruleid: sast/go-insecure-random
	rand.Read(buf)
	sessionID := hex.EncodeToString(buf)
	return fmt.Sprintf("%d:%s", userID, sessionID)
}

func handleSignup(email string) string {
	// ruleid: sast/go-insecure-random
	apiKey := fmt.Sprintf("%x", rand.Int63())
	return email + apiKey
}

func backoff(attempt int) time.Duration {
	// ok: sast/go-insecure-random
	jitter := time.Duration(rand.Intn(100)) * time.Millisecond
	return time.Duration(attempt)*time.Second + jitter
}

func pickServer(servers []string) string {
	// ok: sast/go-insecure-random
	return servers[rand.Intn(len(servers))]
}

func shuffleQuestions(ids []int) {
	// ok: sast/go-insecure-random
	rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
}

func sampleRate() bool {
	// ok: sast/go-insecure-random
	return rand.Float64() < 0.01
}
