package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

type Options struct {
	InsecureSkipVerify bool
	Endpoint           string
}

func NewClient() *http.Client {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			// ruleid: sast/go-tls-insecure-skip-verify
			InsecureSkipVerify: true,
		},
	}
	return &http.Client{Transport: tr}
}

func dial(addr string) (*tls.Conn, error) {
	// ruleid: sast/go-tls-insecure-skip-verify
	return tls.Dial("tcp", addr, &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true})
}

func patchTransport() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	// ruleid: sast/go-tls-insecure-skip-verify
	tr.TLSClientConfig.InsecureSkipVerify = true
}

func withCA(caPEM []byte) *http.Client {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	return &http.Client{Transport: &http.Transport{
		// ok: sast/go-tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
	}}
}

func explicitFalse() *tls.Config {
	return &tls.Config{
		// ok: sast/go-tls-insecure-skip-verify
		InsecureSkipVerify: false,
	}
}

func fromFlag() *tls.Config {
	insecure := os.Getenv("DEV_TLS") == "1"
	return &tls.Config{
		// ok: sast/go-tls-insecure-skip-verify
		InsecureSkipVerify: insecure,
	}
}

func defaults() Options {
	// ok: sast/go-tls-insecure-skip-verify
	return Options{InsecureSkipVerify: true, Endpoint: "https://localhost"}
}
